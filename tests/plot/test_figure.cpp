// The kept figure: items recorded per frame, legend, hidden items, automatic colours, extents,
// hover search, polygon triangulation.
#include <gtest/gtest.h>

#include <cmath>
#include <variant>

#include "app/plot/figure.h"
#include "app/plot/triangulate.h"

namespace gradlab::plot {
namespace {

LineItem Line(const std::string& label, std::vector<double> xs, std::vector<double> ys) {
  LineItem l;
  l.label = label;
  l.xs = std::move(xs);
  l.ys = std::move(ys);
  l.color = kAutoColor;
  return l;
}

TEST(FigureRecorder, KeepsEveryItemOfTheFrameInOrder) {
  FigureRecorder rec;
  rec.begin(Scale::Linear, Scale::Linear);
  ImageItem img;
  img.label = "##contour";
  img.source_id = "contour:two-bumps";
  img.x_min = -2, img.x_max = 3, img.y_min = -2, img.y_max = 3;
  EXPECT_TRUE(rec.add(img));
  EXPECT_TRUE(rec.add(Line("run 1", {0, 1}, {0, 1})));
  ArrowItem arrows;
  arrows.label = "run 1";
  arrows.xs = {0.2, 0.3, 0.35};
  arrows.ys = {0.5, 0.6, 0.7};
  arrows.color = kAutoColor;
  EXPECT_TRUE(rec.add(arrows));
  EXPECT_TRUE(rec.add(TextItem{"max", 0.07, 0.93}));
  RefLineItem step;
  step.label = "##step";
  step.value = 12;
  EXPECT_TRUE(rec.add(step));

  const Figure& f = rec.figure();
  ASSERT_EQ(f.items.size(), 5u);
  EXPECT_TRUE(std::holds_alternative<ImageItem>(f.items[0]));
  EXPECT_EQ(std::get<ImageItem>(f.items[0]).source_id, "contour:two-bumps");
  EXPECT_TRUE(std::holds_alternative<LineItem>(f.items[1]));
  EXPECT_EQ(std::get<ArrowItem>(f.items[2]).xs.size(), 3u);
  EXPECT_EQ(std::get<TextItem>(f.items[3]).text, "max");
  // Labels starting with ## stay out of the legend; a repeated label is listed once.
  ASSERT_EQ(f.legend.size(), 1u);
  EXPECT_EQ(f.legend[0].text, "run 1");
  // The same label gets the same automatic colour.
  const Color a = std::get<LineItem>(f.items[1]).color;
  const Color b = std::get<ArrowItem>(f.items[2]).color;
  EXPECT_EQ(a.r, b.r);
  EXPECT_EQ(a.g, b.g);
  EXPECT_FALSE(a.isAuto());
}

TEST(FigureRecorder, BeginStartsAFreshFrameButKeepsHiddenLabels) {
  FigureRecorder rec;
  rec.begin(Scale::Linear, Scale::Linear);
  rec.add(Line("a", {0}, {0}));
  rec.toggleHidden("a");
  rec.begin(Scale::Linear, Scale::Linear);
  EXPECT_TRUE(rec.figure().items.empty());
  EXPECT_TRUE(rec.figure().legend.empty());
  EXPECT_FALSE(rec.add(Line("a", {0, 5}, {0, 5})));  // hidden: not drawn ...
  EXPECT_TRUE(rec.figure().items.empty());
  ASSERT_EQ(rec.figure().legend.size(), 1u);  // ... but listed, greyed
  EXPECT_TRUE(rec.figure().legend[0].hidden);
  EXPECT_FALSE(rec.extentX().valid());  // and it does not pull the view
  rec.toggleHidden("a");
  EXPECT_TRUE(rec.add(Line("a", {0, 5}, {0, 5})));
}

TEST(FigureRecorder, AutomaticColoursFollowThePaletteAndStayWhenOthersHide) {
  FigureRecorder rec;
  rec.setHidden("first", true);
  rec.begin(Scale::Linear, Scale::Linear);
  rec.add(Line("first", {0}, {0}));
  rec.add(Line("second", {0}, {0}));
  const Color c = std::get<LineItem>(rec.figure().items[0]).color;
  EXPECT_EQ(c.r, RunColor(1).r);
  EXPECT_EQ(c.b, RunColor(1).b);
}

TEST(FigureRecorder, ExtentCoversDataOfAllKindsAndSkipsNaN) {
  FigureRecorder rec;
  rec.begin(Scale::Linear, Scale::Log);
  rec.add(Line("l", {0, 1, NAN}, {1, 100, 1e6}));
  FillItem fill;
  fill.xs = {2, 3};
  fill.ys = {5, 5};
  fill.ys_base = {0.5, 0.5};
  rec.add(fill);
  RefLineItem v;
  v.value = -4;
  rec.add(v);
  EXPECT_EQ(rec.extentX().min, -4);
  EXPECT_EQ(rec.extentX().max, 3);
  EXPECT_EQ(rec.extentY().min, 0.5);
  EXPECT_EQ(rec.extentY().max, 100);  // (NaN, 1e6) is not a point
}

TEST(FindNearestPoint, FindsTheClosestPointOfLinesMarkersAndArrows) {
  FigureRecorder rec;
  rec.begin(Scale::Linear, Scale::Linear);
  rec.add(Line("l", {0, 1, 2}, {0, 1, 0}));
  MarkerItem m;
  m.label = "m";
  m.xs = {1.5};
  m.ys = {0.52};
  rec.add(m);
  Transform t;
  t.limits = {{0, 2}, {0, 1}};
  t.area = {0, 0, 200, 100};
  NearestPoint p = FindNearestPoint(rec.figure(), t, {101, 1}, 10);
  EXPECT_EQ(p.item, 0);
  EXPECT_EQ(p.index, 1);
  EXPECT_EQ(p.x, 1);
  p = FindNearestPoint(rec.figure(), t, {148, 50}, 10);
  EXPECT_EQ(p.item, 1);
  EXPECT_EQ(p.index, 0);
  EXPECT_EQ(FindNearestPoint(rec.figure(), t, {60, 60}, 10).item, -1);
}

double TriangleArea(const std::vector<Point>& p, const std::array<int, 3>& t) {
  const Point &a = p[t[0]], &b = p[t[1]], &c = p[t[2]];
  return 0.5 * std::fabs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

TEST(ItemIndex, IsTheCallersIndexOrNoneNeverThePositionInAThinnedItem) {
  LineItem thinned = Line("path", {0, 1, 2}, {0, 1, 4});
  EXPECT_EQ(ItemIndex(Item(thinned), 1), -1);  // no indices given: the tooltip shows none
  thinned.indices = {0, 250, 999};             // points kept from a 1000-iterate run
  EXPECT_EQ(ItemIndex(Item(thinned), 1), 250);
  EXPECT_EQ(ItemIndex(Item(thinned), 3), -1);  // out of range
  TextItem text;
  EXPECT_EQ(ItemIndex(Item(text), 0), -1);
}

// A 100 x 100 pixel plot of the unit square: data (x, y) is at pixel (100 x, 100 (1 - y)).
Transform UnitSquare() {
  Transform t;
  t.limits = {{0, 1}, {0, 1}};
  t.area = {0, 0, 100, 100};
  return t;
}

TEST(LegendBox, SitsInTheRequestedCornerInsetByThePadding) {
  const Transform t = UnitSquare();
  const PixelRect tr = LegendBox(t, 30, 20, 5, LegendCorner::TopRight);
  EXPECT_DOUBLE_EQ(tr.x0, 65);
  EXPECT_DOUBLE_EQ(tr.x1, 95);
  EXPECT_DOUBLE_EQ(tr.y0, 5);
  EXPECT_DOUBLE_EQ(tr.y1, 25);
  const PixelRect bl = LegendBox(t, 30, 20, 5, LegendCorner::BottomLeft);
  EXPECT_DOUBLE_EQ(bl.x0, 5);
  EXPECT_DOUBLE_EQ(bl.y1, 95);
}

TEST(ChooseLegendCorner, MovesOffACurveThatFillsTheTopRight) {
  Figure fig;
  // A curve rising to a plateau along the top edge, like f of a converging ascent.
  fig.items.push_back(Line("run", {0, 0.2, 0.4, 0.6, 0.8, 1.0}, {0.1, 0.8, 0.9, 0.9, 0.9, 0.9}));
  const Transform t = UnitSquare();
  EXPECT_EQ(ChooseLegendCorner(fig, t, 30, 20, 5, LegendCorner::TopRight),
            LegendCorner::BottomRight);
}

TEST(ChooseLegendCorner, CountsLongSegmentsThatOnlyCrossTheBox) {
  Figure fig;
  // One straight segment through the top-right box with both ends outside it.
  fig.items.push_back(Line("step", {0.5, 1.0}, {1.0, 0.5}));
  const Transform t = UnitSquare();
  EXPECT_NE(ChooseLegendCorner(fig, t, 30, 20, 5, LegendCorner::TopRight), LegendCorner::TopRight);
}

TEST(ChooseLegendCorner, KeepsTheCurrentCornerOnATie) {
  Figure fig;  // nothing drawn: every corner is free, so the legend stays where it is
  const Transform t = UnitSquare();
  EXPECT_EQ(ChooseLegendCorner(fig, t, 30, 20, 5, LegendCorner::BottomLeft),
            LegendCorner::BottomLeft);
  // Data only in the bottom half: top-right is free, but bottom-left is not.
  fig.items.push_back(Line("low", {0, 1}, {0.05, 0.05}));
  EXPECT_EQ(ChooseLegendCorner(fig, t, 30, 20, 5, LegendCorner::BottomLeft),
            LegendCorner::TopRight);
}

TEST(ChooseLegendCorner, AvoidsMarkersAndHorizontalReferenceLines) {
  Figure fig;
  MarkerItem m;
  m.label = "ends";
  m.xs = {0.9, 0.1};
  m.ys = {0.9, 0.9};
  fig.items.push_back(m);
  RefLineItem tol;
  tol.label = "tolerance";
  tol.vertical = false;
  tol.value = 0.1;
  fig.items.push_back(tol);
  // Top corners hold a marker each, bottom corners the tolerance line: the fewest hits win
  // and the current corner (one hit) is kept against the others (one hit each).
  EXPECT_EQ(ChooseLegendCorner(fig, UnitSquare(), 30, 20, 5, LegendCorner::TopRight),
            LegendCorner::TopRight);
  m.xs = {0.5};
  m.ys = {0.5};
  std::get<MarkerItem>(fig.items[0]) = m;  // the markers leave the top: it is now free
  EXPECT_EQ(ChooseLegendCorner(fig, UnitSquare(), 30, 20, 5, LegendCorner::BottomLeft),
            LegendCorner::TopRight);
}

TEST(ChooseLegendCorner, AvoidsLabelsAndLinesAlongTheBoxEdge) {
  Figure fig;
  TextItem label;
  label.text = "tolerance";
  label.x = 0.9;
  label.y = 0.9;  // pixel (90, 10): inside the top-right box
  fig.items.push_back(label);
  EXPECT_NE(ChooseLegendCorner(fig, UnitSquare(), 30, 20, 5, LegendCorner::TopRight),
            LegendCorner::TopRight);
  // A plateau along the very top (pixel y = 2): above the box (y from 5), yet its stroke would
  // touch the legend's edge.
  Figure plateau;
  plateau.items.push_back(Line("f", {0, 1}, {0.98, 0.98}));
  EXPECT_NE(ChooseLegendCorner(plateau, UnitSquare(), 30, 20, 5, LegendCorner::TopRight),
            LegendCorner::TopRight);
}

TEST(TriangulatePolygon, CoversANonConvexPolygonExactly) {
  // An L shape (area 3), both orientations, with a collinear vertex.
  std::vector<Point> l = {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}, {0, 1}};
  for (int pass = 0; pass < 2; ++pass) {
    const auto tris = TriangulatePolygon(l);
    double area = 0;
    for (const auto& t : tris) area += TriangleArea(l, t);
    EXPECT_NEAR(area, 3, 1e-12);
    std::reverse(l.begin(), l.end());
  }
  EXPECT_TRUE(TriangulatePolygon({{0, 0}, {1, 1}}).empty());
}

}  // namespace
}  // namespace gradlab::plot
