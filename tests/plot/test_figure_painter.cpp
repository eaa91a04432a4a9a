// Painting a kept Figure through the Painter interface: the calls a figure makes (a recording
// painter), the field rasterizer against the colour map, and the Cairo backend's pixels.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "app/plot/field_image.h"
#include "app/plot/figure_painter.h"
#include "app/plot/painter_cairo.h"

namespace gradlab::plot {
namespace {

// Writes every call as one line ("polyline 3 (10,20) ...") so a test can read the order.
class RecordingPainter final : public Painter {
 public:
  std::vector<std::string> calls;
  std::vector<std::vector<Point>> polylines;  // the points of each polyline call, in order

  void polyline(const Point* p, int count, Color c, float width, bool closed) override {
    polylines.emplace_back(p, p + count);
    add("polyline " + std::to_string(count) + (closed ? " closed " : " open ") + color(c) + " w" +
        num(width));
  }
  void fillConvex(const Point*, int count, Color c) override {
    add("fillConvex " + std::to_string(count) + " " + color(c));
  }
  void fillTriangles(const std::vector<Point>& v, Color c) override {
    add("fillTriangles " + std::to_string(v.size() / 3) + " " + color(c));
  }
  void text(Point pos, const std::string& t, Color, bool vertical) override {
    add(std::string(vertical ? "vtext " : "text ") + t + " at " + num(pos.x) + "," + num(pos.y));
  }
  Point textSize(const std::string& t) const override { return {8.0 * t.size(), 16}; }
  float fontSize() const override { return 16; }
  void image(const PixelRect& r, const ImageItem& it) override {
    add("image " + it.label + " " + num(r.x0) + "," + num(r.y0) + "," + num(r.x1) + "," +
        num(r.y1));
  }
  void pushClip(const PixelRect&) override { add("pushClip"); }
  void popClip() override { add("popClip"); }
  void line(Point, Point, Color c, float) override { add("line " + color(c)); }
  void rect(const PixelRect&, Color c, float) override { add("rect " + color(c)); }
  void fillRect(const PixelRect&, Color c, float) override { add("fillRect " + color(c)); }
  void circle(Point, float r, Color c, bool filled, float) override {
    add(std::string(filled ? "disc r" : "ring r") + num(r) + " " + color(c));
  }

  // Index of the first call starting with `prefix` at or after `from`, -1 when none.
  int find(const std::string& prefix, int from = 0) const {
    for (int i = from; i < int(calls.size()); ++i)
      if (calls[i].rfind(prefix, 0) == 0) return i;
    return -1;
  }
  int count(const std::string& prefix) const {
    return int(std::count_if(calls.begin(), calls.end(),
                             [&](const std::string& c) { return c.rfind(prefix, 0) == 0; }));
  }

 private:
  static std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
  }
  static std::string color(Color c) {
    char b[32];
    std::snprintf(b, sizeof b, "#%02x%02x%02x", int(std::lround(c.r * 255)),
                  int(std::lround(c.g * 255)), int(std::lround(c.b * 255)));
    return b;
  }
  void add(std::string s) { calls.push_back(std::move(s)); }
};

Figure KnownFigure() {
  Figure fig;
  fig.title = "loss";
  fig.x_label = "iteration";
  fig.y_label = "f";
  fig.limits = {{0, 10}, {0, 5}};
  ImageItem image;
  image.label = "##field";
  image.x_min = 0, image.x_max = 10, image.y_min = 0, image.y_max = 5;
  fig.items.push_back(image);
  LineItem line;
  line.label = "run 1";
  line.xs = {0, 5, 10};
  line.ys = {0, 5, 0};
  line.color = Color::hex(0x0072B2);
  line.width = 2;
  fig.items.push_back(line);
  MarkerItem marker;
  marker.label = "end";
  marker.xs = {10};
  marker.ys = {0};
  marker.color = Color::hex(0xD55E00);
  marker.shape = MarkerShape::Square;
  fig.items.push_back(marker);
  TextItem text;
  text.text = "max";
  text.x = 5, text.y = 5;
  fig.items.push_back(text);
  fig.legend.push_back({"run 1", "run 1", line.color});
  return fig;
}

TEST(FigurePainter, PaintsBackgroundGridItemsLegendThenAxesInOrder) {
  PlotStyle style;
  style.theme = LightTheme();
  RecordingPainter painter;
  Figure fig = KnownFigure();
  LayoutFigure(fig, {0, 0, 400, 300}, style, painter);
  PaintFigure(painter, fig, style);
  const auto& c = painter.calls;

  // The image covers the whole view and is opaque: no plot-area fill under it.
  EXPECT_NE(c[0], "fillRect #ffffff");
  const int clip = painter.find("pushClip");
  ASSERT_GE(clip, 0);
  // Grid lines first (in the grid colour), then the items in the figure's order.
  EXPECT_EQ(c[clip + 1], "line #d9d9d9");
  const int image = painter.find("image ##field", clip);
  const int line = painter.find("polyline 3 open #0072b2 w2", clip);
  const int marker = painter.find("fillRect #d55e00", clip);
  const int text = painter.find("text max", clip);
  const int legend = painter.find("fillRect #ffffff", clip);  // the legend's box
  const int unclip = painter.find("popClip");
  const int frame = painter.find("rect #404040", unclip);
  ASSERT_GE(image, 0);
  ASSERT_GE(line, 0);
  ASSERT_GE(marker, 0);
  ASSERT_GE(text, 0);
  ASSERT_GE(legend, 0);
  ASSERT_GE(frame, 0);
  EXPECT_LT(image, line);
  EXPECT_LT(line, marker);
  EXPECT_LT(marker, text);
  EXPECT_LT(text, legend);
  EXPECT_LT(legend, unclip);
  EXPECT_EQ(unclip, frame - 1);  // the axes' frame right after the clip ends
  // The legend's entry: its swatch in the line's colour, then its text.
  const int swatch = painter.find("fillRect #0072b2", legend);
  EXPECT_GT(swatch, legend);
  EXPECT_EQ(painter.find("text run 1", swatch), swatch + 1);
  // Axis labels and title after the frame; the y label is vertical.
  EXPECT_GT(painter.find("text iteration", frame), frame);
  EXPECT_GT(painter.find("vtext f", frame), frame);
  EXPECT_GT(painter.find("text loss", frame), frame);

  // The line's points are the data mapped through the figure's transform.
  const Transform t = FigureTransform(fig);
  const std::vector<Point>& pts = painter.polylines.at(0);
  ASSERT_EQ(pts.size(), 3u);
  EXPECT_NEAR(pts[1].x, t.xToPixel(5), 1e-9);
  EXPECT_NEAR(pts[1].y, t.yToPixel(5), 1e-9);
  EXPECT_NEAR(pts[0].x, fig.area.x0, 1e-9);
  EXPECT_NEAR(pts[0].y, fig.area.y1, 1e-9);
}

TEST(FigurePainter, LayoutLeavesRoomForLabelsAndWidensEqualAspect) {
  PlotStyle style;
  RecordingPainter painter;
  Figure fig = KnownFigure();
  fig.equal_aspect = true;
  LayoutFigure(fig, {0, 0, 400, 300}, style, painter);
  EXPECT_GT(fig.area.x0, 16 + 2 * style.padding);  // y label and tick labels
  EXPECT_GT(fig.area.y0, 16);                      // title
  EXPECT_LT(fig.area.y1, 300 - 2 * 16);            // tick labels and x label
  EXPECT_NEAR(fig.limits.x.size() / fig.area.width(), fig.limits.y.size() / fig.area.height(),
              1e-12);
  EXPECT_DOUBLE_EQ(fig.width_px, fig.area.width());
}

TEST(FigurePainter, IntegerAxisHasOnlyWholeNumberTicks) {
  PlotStyle style;
  RecordingPainter painter;
  Figure fig = KnownFigure();
  fig.limits.x = {0, 2};
  fig.integer_x = true;
  LayoutFigure(fig, {0, 0, 800, 300}, style, painter);
  for (const Tick& t : XTicks(fig, FigureTransform(fig), style))
    EXPECT_EQ(t.value, std::round(t.value));
}

TEST(FieldRaster, EndsOfTheFieldTakeTheColourMapsEnds) {
  FieldImage field;
  field.nx = 2;
  field.ny = 2;
  field.t = {0, 0, 1, 1};  // row 0 (bottom) at t = 0, row 1 (top) at 1
  const std::vector<std::uint8_t> rgba = RasterizeField(field, 4, 64);
  // Pixel centres: the top row samples t = 1 - 0.5 / 64, the bottom row 0.5 / 64.
  const Color lo = SampleColormap(Colormap::Viridis, 0.5 / 64);
  const Color hi = SampleColormap(Colormap::Viridis, 1 - 0.5 / 64);
  const std::uint8_t* top = &rgba[0];
  const std::uint8_t* bottom = &rgba[(63 * 4) * 4];
  EXPECT_NEAR(top[0], 255 * hi.r, 1.5);
  EXPECT_NEAR(top[1], 255 * hi.g, 1.5);
  EXPECT_NEAR(bottom[0], 255 * lo.r, 1.5);
  EXPECT_NEAR(bottom[2], 255 * lo.b, 1.5);
  // The middle row is halfway along the map (bilinear in t, then the map).
  const Color mid = SampleColormap(Colormap::Viridis, 0.5);
  const std::uint8_t* m0 = &rgba[(31 * 4) * 4];
  const std::uint8_t* m1 = &rgba[(32 * 4) * 4];
  EXPECT_NEAR(0.5 * (m0[1] + m1[1]), 255 * mid.g, 4);
}

TEST(FieldRaster, UndefinedSamplesShowTheBackground) {
  FieldImage field;
  field.nx = 2;
  field.ny = 2;
  field.t = {std::nanf(""), std::nanf(""), std::nanf(""), std::nanf("")};
  field.undefined = Color{1, 0, 0, 1};
  const std::vector<std::uint8_t> rgba = RasterizeField(field, 8, 8);
  EXPECT_GE(rgba[0], 150);  // red, at most a quarter mixed with grey
  EXPECT_LE(rgba[1], 64);
}

TEST(CairoPainter, DrawsTheFiguresLineInItsColourWhereTheTransformSays) {
  PlotStyle style;
  style.theme = LightTheme();
  Figure fig = KnownFigure();
  fig.items.erase(fig.items.begin());  // no image: the plot background shows
  std::get<LineItem>(fig.items[0]).width = 6;
  CairoOptions options;
  const std::vector<std::uint8_t> rgba = PaintToRgba(400, 300, options, [&](Painter& p) {
    LayoutFigure(fig, {0, 0, 400, 300}, style, p);
    PaintFigure(p, fig, style);
  });
  ASSERT_EQ(rgba.size(), 400u * 300u * 4u);
  const Transform t = FigureTransform(fig);
  // A point on the first segment, a quarter of the way (away from the legend and the text).
  const int x = int(std::lround(t.xToPixel(1.25))), y = int(std::lround(t.yToPixel(1.25)));
  const std::uint8_t* p = &rgba[(std::size_t(y) * 400 + x) * 4];
  EXPECT_NEAR(p[0], 0x00, 40);
  EXPECT_NEAR(p[1], 0x72, 40);
  EXPECT_NEAR(p[2], 0xB2, 40);
  // The plot background (white) a little off the line.
  const std::uint8_t* q = &rgba[(std::size_t(y) * 400 + x + 25) * 4];
  EXPECT_EQ(q[0], 255);
  EXPECT_EQ(q[2], 255);
  // Text was drawn: some dark pixels in the title's row band.
  int dark = 0;
  for (int yy = 0; yy < int(fig.area.y0); ++yy)
    for (int xx = 0; xx < 400; ++xx) dark += rgba[(std::size_t(yy) * 400 + xx) * 4] < 128;
  EXPECT_GT(dark, 10);
}

TEST(CairoPainter, WritesPngAndPdfFiles) {
  const std::string dir = ::testing::TempDir();
  std::string error;
  const auto paint = [](Painter& p) { p.fillRect({10, 10, 50, 50}, Color{1, 0, 0, 1}); };
  ASSERT_TRUE(PaintToFile(dir + "cairo_test.png", OutputFormat::Png, 64, 64, {}, paint, &error))
      << error;
  ASSERT_TRUE(PaintToFile(dir + "cairo_test.pdf", OutputFormat::Pdf, 64, 64, {}, paint, &error))
      << error;
  FILE* f = std::fopen((dir + "cairo_test.pdf").c_str(), "rb");
  ASSERT_NE(f, nullptr);
  char head[5] = {};
  ASSERT_EQ(std::fread(head, 1, 4, f), 4u);
  std::fclose(f);
  EXPECT_STREQ(head, "%PDF");
  EXPECT_FALSE(PaintToFile("/nonexistent-dir/x.png", OutputFormat::Png, 64, 64, {}, paint, &error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace gradlab::plot

namespace gradlab::plot {
namespace {

// Issue 15, item 9: at a projector's 2x scale the map's five-row legend covered 40% of the map.
TEST(FigurePainter, ALegendCoveringMoreThanAQuarterOfThePlotIsLeftOut) {
  RecordingPainter painter;
  PlotStyle style;
  Figure fig;
  for (const char* label : {"run 1", "run 2", "run 3", "known maximum", "known saddle"})
    fig.legend.push_back(LegendEntry{label, label, Color{1, 0, 0, 1}});
  const LegendMetrics big = MeasureLegend(fig, PixelRect{0, 0, 800, 600}, style, painter);
  EXPECT_TRUE(big.fits);
  EXPECT_LE(big.width * big.height, kMaxLegendShare * 800 * 600);
  // The same legend on a plot small enough that it would cover over a quarter of it.
  // Room for the box on both axes, but 10% less area than four times the box.
  const double w = big.width + 30;
  const double h = 0.9 * big.width * big.height / kMaxLegendShare / w;
  ASSERT_GT(h, big.height + 30);
  const PixelRect small{0, 0, w, h};
  ASSERT_GT(big.width * big.height, kMaxLegendShare * small.width() * small.height());
  EXPECT_FALSE(MeasureLegend(fig, small, style, painter).fits);
}

}  // namespace
}  // namespace gradlab::plot

namespace gradlab::plot {
namespace {

std::string hexColor(Color c) {
  char b[32];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", int(std::lround(c.r * 255)),
                int(std::lround(c.g * 255)), int(std::lround(c.b * 255)));
  return b;
}

ColorBar LinearBar() {
  ColorBar bar;
  bar.colormap = Colormap::Cividis;
  bar.lo = 0;
  bar.hi = 1.2;
  bar.scale = ColorScale(0, 1.2, false, 0);
  bar.lo_text = "0";
  bar.hi_text = "1.2";
  return bar;
}

// Issue 14, item 2: the colour bar is a figure item painted through the Painter. Its gradient is
// kColorBarSteps rectangles in the colour map's colours, left to right; the end values sit beside
// it; each tick mark and label sits at the value's colour position along the bar.
TEST(ColorBarItem, PaintsItsGradientEndValuesAndTicksThroughThePainter) {
  RecordingPainter painter;  // text 8 px per character, font 16
  PlotStyle style;           // padding 5
  const ColorBar bar = LinearBar();
  const PixelRect strip{0, 100, 800, 100 + ColorBarRoom(style, painter)};
  PaintColorBar(painter, bar, strip, style);
  ASSERT_EQ(painter.count("fillRect"), kColorBarSteps);
  for (int i = 0; i < kColorBarSteps; ++i)
    EXPECT_EQ(painter.calls[std::size_t(i)],
              "fillRect " + hexColor(SampleColormap(Colormap::Cividis, (i + 0.5) / 64)))
        << i;
  // The bar: after "0" and a 0.4 em gap, before "1.2" and its gap, one padding inside the strip.
  const ColorBarLayout l = LayoutColorBar(bar, strip, style, painter);
  EXPECT_DOUBLE_EQ(l.bar.x0, 5 + 8 + 0.4 * 16);
  EXPECT_DOUBLE_EQ(l.bar.x1, 795 - 24 - 0.4 * 16);
  EXPECT_DOUBLE_EQ(l.bar.y0, 105);
  EXPECT_DOUBLE_EQ(l.bar.height(), 0.7 * 16);
  char end_label[64];
  std::snprintf(end_label, sizeof end_label, "text 0 at 5,%g", l.lo_text.y);
  EXPECT_GE(painter.find(end_label), 0) << end_label;
  EXPECT_DOUBLE_EQ(l.lo_text.y, 105 + 0.5 * (0.7 * 16 - 16));  // centred on the bar
  std::snprintf(end_label, sizeof end_label, "text 1.2 at %g,%g", l.bar.x1 + 0.4 * 16, l.lo_text.y);
  EXPECT_GE(painter.find(end_label), 0) << end_label;
  // About one tick per 6 em of bar: 745 px / 96 -> 7 ticks of 0.2 over [0, 1.2]; the ends are
  // labelled beside the bar, so 0.2 ... 1 under it, each centred on its colour position.
  const std::vector<ColorBarTick> ticks = ColorBarTicks(bar, l.bar, painter);
  const std::vector<std::string> labels = {"0.2", "0.4", "0.6", "0.8", "1"};
  ASSERT_EQ(ticks.size(), labels.size());
  EXPECT_EQ(painter.count("line"), int(labels.size()));
  for (std::size_t k = 0; k < ticks.size(); ++k) {
    EXPECT_EQ(ticks[k].label, labels[k]);
    const double x = l.bar.x0 + ticks[k].value / 1.2 * l.bar.width();
    EXPECT_NEAR(ticks[k].x, x, 1e-9);
    EXPECT_NEAR(ticks[k].label_left, x - 0.5 * 8 * labels[k].size(), 1e-9);
    char expected[64];
    std::snprintf(expected, sizeof expected, "text %s at %g,%g", labels[k].c_str(),
                  ticks[k].label_left, l.bar.y1 + 0.3 * 16);
    EXPECT_GE(painter.find(expected), 0) << expected;
  }
}

// Log-spaced levels: ticks at decades, each where the log scale puts its colour.
TEST(ColorBarItem, LogLevelsPutDecadesAtTheirColourPositions) {
  RecordingPainter painter;
  PlotStyle style;
  ColorBar bar;
  bar.lo = 0.01;
  bar.hi = 1000;
  bar.log_ticks = true;
  bar.scale = ColorScale(bar.lo, bar.hi, true, 0);
  bar.lo_text = "0.01";
  bar.hi_text = "1000";
  const PixelRect r{100, 0, 700, 10};
  const std::vector<ColorBarTick> ticks = ColorBarTicks(bar, r, painter);
  ASSERT_FALSE(ticks.empty());
  for (const ColorBarTick& t : ticks) {
    const double decade = std::log10(t.value);
    EXPECT_NEAR(decade, std::round(decade), 1e-12) << t.label;
    // log10(f / 0.01) / 5 of the way along the bar.
    EXPECT_NEAR(t.x, 100 + 600 * (decade + 2) / 5, 1e-9) << t.label;
  }
  // A hidden bar paints nothing.
  bar.shown = false;
  PaintColorBar(painter, bar, r, style);
  EXPECT_TRUE(painter.calls.empty());
}

// A figure with a colour bar keeps a strip for it under the x-axis label, and PaintFigure paints
// the bar there, after the axes.
TEST(ColorBarItem, AFigureReservesItsStripAndPaintsItLast) {
  RecordingPainter plain_painter, bar_painter;
  PlotStyle style;
  Figure plain = KnownFigure();
  Figure with_bar = KnownFigure();
  with_bar.color_bar = LinearBar();
  LayoutFigure(plain, {0, 0, 800, 600}, style, plain_painter);
  LayoutFigure(with_bar, {0, 0, 800, 600}, style, bar_painter);
  EXPECT_DOUBLE_EQ(with_bar.area.y1, plain.area.y1 - ColorBarRoom(style, bar_painter));
  const PixelRect strip = ColorBarStrip(with_bar, style, bar_painter);
  EXPECT_DOUBLE_EQ(strip.y1, 600);
  EXPECT_DOUBLE_EQ(strip.y0, 600 - ColorBarRoom(style, bar_painter));
  PaintFigure(bar_painter, with_bar, style);
  const int x_label = bar_painter.find("text iteration");
  ASSERT_GE(x_label, 0);
  EXPECT_GT(bar_painter.find("fillRect", x_label), x_label);  // the bar comes after the axes
  EXPECT_EQ(bar_painter.count("fillRect") - kColorBarSteps, [&] {
    PaintFigure(plain_painter, plain, style);
    return plain_painter.count("fillRect");
  }());
  // The x-axis label sits above the strip.
  double x, y;
  ASSERT_EQ(std::sscanf(bar_painter.calls[std::size_t(x_label)].c_str(),
                        "text iteration at %lf,%lf", &x, &y),
            2);
  EXPECT_LE(y + 16, strip.y0);
}

// Through Cairo: the exported pixels of the bar are the colour map's colours along it.
TEST(ColorBarItem, CairoPaintsTheColourMapAlongTheBar) {
  PlotStyle style;
  style.theme = LightTheme();
  const ColorBar bar = LinearBar();
  CairoOptions options;
  options.font_px = 16;
  PixelRect bar_rect;
  const std::vector<std::uint8_t> rgba = PaintToRgba(400, 60, options, [&](Painter& p) {
    const PixelRect strip{0, 0, 400, ColorBarRoom(style, p)};
    PaintColorBar(p, bar, strip, style);
    bar_rect = LayoutColorBar(bar, strip, style, p).bar;
  });
  const int y = int(0.5 * (bar_rect.y0 + bar_rect.y1));
  for (int step : {0, 3, 19, 40, 63}) {  // the middle of each of these steps
    const double t = (step + 0.5) / kColorBarSteps;
    const int x = int(bar_rect.x0 + t * bar_rect.width());
    const Color c = SampleColormap(Colormap::Cividis, t);
    const std::uint8_t* px = &rgba[(std::size_t(y) * 400 + x) * 4];
    EXPECT_NEAR(px[0], c.r * 255, 2) << t;
    EXPECT_NEAR(px[1], c.g * 255, 2) << t;
    EXPECT_NEAR(px[2], c.b * 255, 2) << t;
  }
}

// A zigzag line (each column's lowest and highest value of a noisy curve) is drawn segment by
// segment: a thick polyline's joins would shrink to nothing at its reversals.
TEST(FigurePainter, AZigzagLineIsDrawnSegmentBySegment) {
  Figure fig;
  fig.limits = {{0, 4}, {0, 4}};
  fig.area = {0, 0, 100, 100};
  LineItem line;
  line.xs = {0, 1, 1, 2, 2, std::nan(""), 3, 4};
  line.ys = {0, 3, 0, 4, 1, 0, 2, 0};
  line.color = Color{1, 0, 0, 1};
  line.zigzag = true;
  fig.items.push_back(line);
  RecordingPainter painter;
  PaintItems(painter, fig, FigureTransform(fig), PlotStyle{});
  EXPECT_EQ(painter.count("line #ff0000"), 4 + 1);  // four segments, then one after the break
  EXPECT_EQ(painter.count("polyline"), 0);
  std::get<LineItem>(fig.items[0]).zigzag = false;
  RecordingPainter plain;
  PaintItems(plain, fig, FigureTransform(fig), PlotStyle{});
  EXPECT_EQ(plain.count("polyline"), 2);
  EXPECT_EQ(plain.count("line"), 0);
}

}  // namespace
}  // namespace gradlab::plot

namespace gradlab::plot {
namespace {

// A plot beside one whose y axis it shares (the stochastic lab's narrow row) keeps its y ticks
// but not their labels, and its plot area takes their room.
TEST(FigurePainter, UnlabelledYTicksGiveTheirRoomToThePlotArea) {
  PlotStyle style;
  RecordingPainter labelled_painter, bare_painter;
  Figure labelled = KnownFigure();
  labelled.y_label.clear();
  labelled.limits.y = {-1200, -800};
  Figure bare = labelled;
  bare.y_tick_labels = false;
  LayoutFigure(labelled, {0, 0, 400, 300}, style, labelled_painter);
  LayoutFigure(bare, {0, 0, 400, 300}, style, bare_painter);
  // "-1200" is 40 pixels wide with the recording painter's 8 pixels a character.
  EXPECT_GE(labelled.area.x0 - bare.area.x0, 40);
  PaintAxes(labelled_painter, labelled, FigureTransform(labelled), style);
  PaintAxes(bare_painter, bare, FigureTransform(bare), style);
  EXPECT_GE(labelled_painter.count("text -1000 "), 1);
  EXPECT_EQ(bare_painter.count("text -1000 "), 0);
  EXPECT_EQ(bare_painter.count("line "), labelled_painter.count("line "));  // the ticks stay
  EXPECT_GE(bare_painter.count("text 0 "), 1);  // the x tick labels stay
}

}  // namespace
}  // namespace gradlab::plot

namespace gradlab::plot {
namespace {

// Where the painter drew the tick label `label` ("text LABEL at X,Y"); false when it did not.
bool PaintedLabelAt(const RecordingPainter& painter, const std::string& label, Point* at) {
  const int call = painter.find("text " + label + " at ");
  return call >= 0 && std::sscanf(painter.calls[std::size_t(call)].c_str() + 9 + label.size(),
                                  "%lf,%lf", &at->x, &at->y) == 2;
}

// A plot too narrow for every x tick label shows every second (third, ...) one, the first always,
// and no two touch; the ticks themselves all stay.
TEST(FigurePainter, XTickLabelsThatWouldTouchAreThinned) {
  PlotStyle style;
  for (const double width : {90.0, 140.0, 400.0}) {
    RecordingPainter painter;
    Figure fig = KnownFigure();
    fig.y_label.clear();
    fig.limits.x = {-1000, 1000};
    fig.limits.y = {10, 20};  // no y label is also an x label
    LayoutFigure(fig, {0, 0, width, 300}, style, painter);
    const Transform t = FigureTransform(fig);
    PaintAxes(painter, fig, t, style);
    std::vector<std::pair<double, double>> spans;  // painted x labels: left and right edges
    for (const Tick& k : XTicks(fig, t, style)) {
      Point at;
      if (k.major && PaintedLabelAt(painter, k.label, &at))
        spans.emplace_back(at.x, at.x + painter.textSize(k.label).x);
    }
    ASSERT_GE(spans.size(), width > 300 ? 3u : 1u) << "width " << width;
    for (std::size_t i = 1; i < spans.size(); ++i)
      EXPECT_LT(spans[i - 1].second + style.padding, spans[i].first) << "width " << width;
  }
}

// The same for y: a plot 85 pixels high at UI scale 2 stacked "-600 -800 -1000 -1200" into each
// other; the labels shown never overlap, the first (lowest) always among them.
TEST(FigurePainter, YTickLabelsThatWouldOverlapAreThinned) {
  PlotStyle style;
  for (const double height : {110.0, 160.0, 600.0}) {
    RecordingPainter painter;
    Figure fig = KnownFigure();
    fig.limits.x = {3, 7};  // x labels 3..7: none is also a y label
    fig.limits.y = {-1250, -550};
    LayoutFigure(fig, {0, 0, 400, height}, style, painter);
    const Transform t = FigureTransform(fig);
    PaintAxes(painter, fig, t, style);
    std::vector<double> tops;  // painted y labels' top edges, bottom label first
    for (const Tick& k : YTicks(t, style)) {
      Point at;
      if (k.major && PaintedLabelAt(painter, k.label, &at)) tops.push_back(at.y);
    }
    ASSERT_GE(tops.size(), height > 300 ? 3u : 1u) << "height " << height;
    for (std::size_t i = 1; i < tops.size(); ++i)
      EXPECT_GE(std::abs(tops[i] - tops[i - 1]), painter.fontSize()) << "height " << height;
  }
}

}  // namespace
}  // namespace gradlab::plot
