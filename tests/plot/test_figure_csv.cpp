// The data behind a figure as CSV: every item kind in the documented long layout (exact text),
// quoting, numbers that read back exactly, and tables.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "app/plot/figure_csv.h"

namespace gradlab::plot {
namespace {

TEST(FigureCsv, WritesEveryItemKindInLongForm) {
  Figure fig;
  fig.title = "f against iteration";
  fig.x_label = "iteration";
  fig.y_label = "f";
  fig.limits = {{-2, 3}, {-1.5, 0.25}};

  LineItem line;
  line.label = "run 1";
  line.xs = {0, 1, std::nan(""), 3};
  line.ys = {0.5, 0.25, std::nan(""), 0.125};
  line.indices = {0, 1, -1, 3};
  fig.items.push_back(line);

  ArrowItem arrows;  // two arrows, separated by a NaN as a thinned trajectory has them
  arrows.label = "run 2##map";
  arrows.xs = {0.2, 0.3, std::nan(""), 1, 2};
  arrows.ys = {0.5, 0.6, std::nan(""), 1, 2};
  arrows.indices = {0, 1, -1, 7, 8};
  fig.items.push_back(arrows);

  MarkerItem markers;
  markers.label = "known maximum";
  markers.xs = {0.0707202};
  markers.ys = {0.9292798};
  fig.items.push_back(markers);

  FillItem fill;
  fill.label = "##band";
  fill.xs = {0, 1};
  fill.ys = {2, 3};
  fill.ys_base = {0, 0.5};
  fig.items.push_back(fill);

  RefLineItem tolerance;
  tolerance.label = "##tolerance";
  tolerance.vertical = false;
  tolerance.value = 1e-4;
  fig.items.push_back(tolerance);

  fig.items.push_back(TextItem{"a \"saddle\", here", 0.5, 0.5});

  ImageItem image;  // a 2 x 2 grid over [0, 1] x [10, 20], f = 100 * t
  image.label = "##field";
  auto field = std::make_shared<FieldImage>();
  field->nx = 2;
  field->ny = 2;
  field->t = {0.0f, 0.25f, 0.5f, std::nanf("")};
  field->scale = ColorScale(0, 100, false, 0);
  image.field = field;
  image.x_min = 0, image.x_max = 1, image.y_min = 10, image.y_max = 20;
  fig.items.push_back(image);

  const std::string expected =
      "item,kind,label,index,x,y,x_end,y_end,value\n"
      ",axes,f against iteration | x: iteration | y: f,,-2,-1.5,3,0.25,\n"
      "0,line,run 1,0,0,0.5,,,\n"
      "0,line,run 1,1,1,0.25,,,\n"
      "0,line,run 1,,nan,nan,,,\n"
      "0,line,run 1,3,3,0.125,,,\n"
      "1,arrows,run 2,0,0.2,0.5,0.3,0.6,\n"
      "1,arrows,run 2,1,0.3,0.6,,,\n"
      "1,arrows,run 2,7,1,1,2,2,\n"
      "1,arrows,run 2,8,2,2,,,\n"
      "2,markers,known maximum,,0.0707202,0.9292798,,,\n"
      "3,fill,band,,0,2,,,0\n"
      "3,fill,band,,1,3,,,0.5\n"
      "4,refline,tolerance,,,0.0001,,,\n"
      "5,text,\"a \"\"saddle\"\", here\",,0.5,0.5,,,\n"
      "6,image,field,,0,10,1,20,\n"
      "6,sample,field,,0,10,,,0\n"
      "6,sample,field,,1,10,,,25\n"
      "6,sample,field,,0,20,,,50\n"
      "6,sample,field,,1,20,,,nan\n";
  EXPECT_EQ(FigureCsv(fig), expected);
}

TEST(FigureCsv, NumbersAreTheShortestTextThatReadsBackExactly) {
  for (double v : {0.2, 0.1 + 0.2, 1e-5, -3.0, 1.0600767905778838, 6.02214076e23, 5e-324}) {
    const std::string text = CsvNumber(v);
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), v) << text;
  }
  EXPECT_EQ(CsvNumber(0.2), "0.2");
  EXPECT_EQ(CsvNumber(10), "10");
  EXPECT_EQ(CsvNumber(10000), "10000");
  EXPECT_EQ(CsvNumber(1.5e20), "1.5e+20");
  EXPECT_EQ(CsvNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(CsvNumber(std::nan("")), "nan");
  EXPECT_EQ(CsvNumber(-INFINITY), "-inf");
}

TEST(FigureCsv, TablesQuoteOnlyWhatNeedsIt) {
  EXPECT_EQ(TableCsv({"step_size", "start 1", "note"},
                     {{"1e-05", "0.5", "P, not \"PD\""}, {"0.001", "0.25"}}),
            "step_size,start 1,note\n"
            "1e-05,0.5,\"P, not \"\"PD\"\"\"\n"
            "0.001,0.25,\n");
  EXPECT_EQ(CsvCell("two\nlines"), "\"two\nlines\"");
}

}  // namespace
}  // namespace gradlab::plot
