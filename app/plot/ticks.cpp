// Tick values and labels for linear and log axes.
#include "app/plot/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gradlab::plot {

namespace {

// 10^k as a correctly rounded double for |k| <= 22 (exact powers), via pow beyond.
double Pow10(int k) {
  double p = 1;
  const int n = k < 0 ? -k : k;
  if (n > 22) return std::pow(10.0, k);
  for (int i = 0; i < n; ++i) p *= 10;
  return k < 0 ? 1 / p : p;
}

// integer * mantissa * 10^k, dividing by the exact 10^-k for negative k so that e.g.
// 3 * 1 / 10 rounds once to the double nearest 0.3.
double ScaledValue(double integer_times_mantissa, int k) {
  if (k < 0 && -k <= 22) return integer_times_mantissa / Pow10(-k);
  return integer_times_mantissa * Pow10(k);
}

struct NiceStep {
  double mantissa = 1;  // 1, 2, 5 or 10
  int exponent = 0;
};

NiceStep NiceStepOf(double x, bool round) {
  const int k = static_cast<int>(std::floor(std::log10(x)));
  const double f = x / Pow10(k);
  double m;
  if (round) {
    m = f < 1.5 ? 1 : (f < 3 ? 2 : (f < 7 ? 5 : 10));
  } else {
    m = f <= 1 ? 1 : (f <= 2 ? 2 : (f <= 5 ? 5 : 10));
  }
  if (m == 10) return {1, k + 1};
  return {m, k};
}

std::string TrimMantissaZeros(const std::string& s) {
  // "1.50e-05" -> "1.5e-05", "1.00e-05" -> "1e-05".
  const std::size_t e = s.find('e');
  std::string mant = s.substr(0, e), rest = e == std::string::npos ? "" : s.substr(e);
  if (mant.find('.') != std::string::npos) {
    while (!mant.empty() && mant.back() == '0') mant.pop_back();
    if (!mant.empty() && mant.back() == '.') mant.pop_back();
  }
  return mant + rest;
}

}  // namespace

double NiceNum(double x, bool round) {
  if (!(x > 0) || !std::isfinite(x)) return 0;
  const NiceStep s = NiceStepOf(x, round);
  return ScaledValue(s.mantissa, s.exponent);
}

TickFormat ChooseTickFormat(double step, double max_abs) {
  TickFormat f;
  f.scientific = max_abs >= 1e5 || (max_abs > 0 && max_abs < 1e-3);
  const int step_exp = step > 0 ? static_cast<int>(std::floor(std::log10(step) + 1e-9)) : 0;
  f.decimals = std::max(0, -step_exp);
  return f;
}

std::string FormatTick(double value, double step, const TickFormat& format) {
  if (value == 0 || (step > 0 && std::fabs(value) < step * 1e-9)) return "0";
  char buf[64];
  if (format.scientific) {
    const int value_exp = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int step_exp = step > 0 ? static_cast<int>(std::floor(std::log10(step) + 1e-9)) : 0;
    const int digits = std::clamp(value_exp - step_exp, 0, 15);
    std::snprintf(buf, sizeof buf, "%.*e", digits, value);
    return TrimMantissaZeros(buf);
  }
  std::snprintf(buf, sizeof buf, "%.*f", std::min(format.decimals, 17), value);
  std::string s = TrimMantissaZeros(buf);  // "1.0" -> "1", "0.010" -> "0.01"
  if (s.find_first_not_of("-0.") == std::string::npos) return "0";
  return s;
}

double LinearTickStep(double min, double max, int target_count) {
  const std::vector<Tick> ticks = LinearTicks(min, max, target_count);
  if (ticks.size() >= 2) return ticks[1].value - ticks[0].value;
  const double span = max - min;
  return span > 0 && std::isfinite(span) ? NiceNum(span / std::max(1, target_count - 1), true) : 0;
}

std::vector<Tick> LinearTicks(double min, double max, int target_count) {
  std::vector<Tick> ticks;
  const double span = max - min;
  if (!(span > 0) || !std::isfinite(span)) return ticks;
  NiceStep s = NiceStepOf(span / std::max(1, target_count - 1), true);
  double step = 0, first = 0, last = -1;
  // Tick n is n * step; the tiny tolerance keeps end points that rounding nudged out. A range
  // that would get a single tick (e.g. [1e6, 7.3e6] with 5e6 steps) takes the next finer step.
  for (int tries = 0; tries < 4 && last - first < 1; ++tries) {
    if (tries > 0)
      s = s.mantissa == 1 ? NiceStep{5, s.exponent - 1}
                          : NiceStep{s.mantissa == 5 ? 2.0 : 1.0, s.exponent};
    step = ScaledValue(s.mantissa, s.exponent);
    first = std::ceil(min / step - 1e-9);
    last = std::floor(max / step + 1e-9);
  }
  if (!(last - first < 10000)) return ticks;  // degenerate zoom; nothing sensible to draw
  const TickFormat format =
      ChooseTickFormat(step, std::max(std::fabs(first * step), std::fabs(last * step)));
  // An integer counter: first and last are whole numbers and fewer than 10000 apart.
  const long count = static_cast<long>(last - first);
  for (long k = 0; k <= count; ++k) {
    const double n = first + static_cast<double>(k);
    Tick t;
    t.value = ScaledValue(n * s.mantissa, s.exponent);
    t.label = FormatTick(t.value, step, format);
    ticks.push_back(t);
  }
  return ticks;
}

std::string PowerOfTenLabel(int k) {
  // UTF-8 superscripts: the font carries U+00B2, U+00B3, U+00B9 and U+2070..U+209F.
  static const char* const kDigits[10] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                          "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string label = "10";
  if (k < 0) label += "\u207b";
  const std::string digits = std::to_string(k < 0 ? -static_cast<long>(k) : k);
  for (char d : digits) label += kDigits[d - '0'];
  return label;
}

std::vector<Tick> LogTicks(double min, double max, int target_count) {
  std::vector<Tick> ticks;
  if (!(min > 0) || !(max > min) || !std::isfinite(max)) return ticks;
  const int k_min = static_cast<int>(std::ceil(std::log10(min) - 1e-9));
  const int k_max = static_cast<int>(std::floor(std::log10(max) + 1e-9));
  const int decades = k_max - k_min + 1;
  if (decades < 2) return LinearTicks(min, max, target_count);
  const int every =
      std::max(1, (decades + std::max(1, target_count) - 1) / std::max(1, target_count));
  bool fixed = true;
  for (int k = k_min; k <= k_max; ++k) {
    if (k % every == 0 && (k < -3 || k > 4)) fixed = false;
  }
  for (int k = k_min - 1; k <= k_max; ++k) {
    const double decade = Pow10(k);
    if (k >= k_min && k % every == 0) {
      Tick t;
      t.value = decade;
      if (fixed) {
        t.label = FormatTick(decade, decade, ChooseTickFormat(decade, 1));
      } else {
        t.label = PowerOfTenLabel(k);
      }
      ticks.push_back(t);
    } else if (k >= k_min) {
      ticks.push_back({decade, false, ""});  // an unlabelled decade
    }
    if (every != 1) continue;
    for (int m = 2; m <= 9; ++m) {
      const double v = ScaledValue(m, k);
      if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) ticks.push_back({v, false, ""});
    }
  }
  std::sort(ticks.begin(), ticks.end(),
            [](const Tick& a, const Tick& b) { return a.value < b.value; });
  return ticks;
}

std::string FormatValue(double value) {
  if (value == 0) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  return buf;
}

void KeepWholeNumberTicks(std::vector<Tick>& ticks) {
  ticks.erase(std::remove_if(ticks.begin(), ticks.end(),
                             [](const Tick& k) { return k.value != std::round(k.value); }),
              ticks.end());
  // Counts read in full: 50000 iterations, not 5e+04.
  for (Tick& k : ticks) {
    if (!k.major || std::fabs(k.value) >= 1e9) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f", k.value);
    k.label = buf;
  }
}

}  // namespace gradlab::plot
