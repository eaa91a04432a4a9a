// Axis ticks as pure functions: 1-2-5 "nice" steps, decade ticks for log axes, and labels
// that print 0.3 rather than 0.30000000000000004.
#pragma once

#include <string>
#include <vector>

namespace gradlab::plot {

// Heckbert's "nice number" (Graphics Gems, 1990): a number of the form {1, 2, 5, 10} * 10^k
// close to x > 0. round = true picks the nearest (1 below 1.5, 2 below 3, 5 below 7, else 10);
// round = false picks the smallest nice number >= x. Returns 0 for x <= 0 or non-finite x.
double NiceNum(double x, bool round);

struct Tick {
  double value = 0;
  bool major = true;  // majors are labelled and get a grid line; minors only a short mark
  std::string label;  // empty for minor ticks
};

// How the labels of one axis are written; chosen once per axis so labels never mix styles.
struct TickFormat {
  bool scientific = false;  // "2.5e-05" rather than "0.000025"
  int decimals = 0;         // fixed notation: digits after the point
};

// Fixed notation with as many decimals as the step needs, unless the largest |value| is
// >= 1e5 or < 1e-3: then scientific ("1e-05", "2.5e+06"), mantissa digits from the step.
TickFormat ChooseTickFormat(double step, double max_abs);
// Formats one tick value; values within 1e-9 steps of zero print "0" (never "-0").
std::string FormatTick(double value, double step, const TickFormat& format);

// About target_count major ticks (at least 2) inside [min, max], at multiples of a nice step
// (NiceNum(span / (target_count - 1), true)), labelled. Values are computed as integer * step
// with the power of ten applied last, so 3 * 0.1 comes out as the double nearest 0.3.
std::vector<Tick> LinearTicks(double min, double max, int target_count);
// The step LinearTicks uses (exposed for tests and for FormatTick callers).
double LinearTickStep(double min, double max, int target_count);

// "10⁻⁵" for k = -5: a power of ten as a projector reads it (UTF-8 superscripts).
std::string PowerOfTenLabel(int k);

// Log axis, 0 < min < max: major ticks at decades 10^k (every n-th decade when there are more
// than target_count of them), minor ticks at 2..9 * 10^k when every decade is labelled. Labels
// are fixed ("0.01", "1000") when all labelled decades are within 1e-3..1e4, else "10⁻⁵".
// When the range holds fewer than two decades, falls back to LinearTicks over [min, max].
std::vector<Tick> LogTicks(double min, double max, int target_count);

// Drops the ticks that are not whole numbers, for axes that count (iterations): 0 1 2, never
// 0.5, and labels the rest in full (50000, not 5e+04). A view narrower than one unit may keep
// a single tick, or none.
void KeepWholeNumberTicks(std::vector<Tick>& ticks);

// A data value for tooltips and readouts: 6 significant digits ("%.6g"), no "-0".
std::string FormatValue(double value);

}  // namespace gradlab::plot
