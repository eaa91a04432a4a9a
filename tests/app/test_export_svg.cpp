// `gradlab export --format svg`: well-formed XML with text as text and the field as an embedded
// image, and, drawn by an independent SVG renderer (rsvg-convert), the same picture as the PNG
// export of the same figure. Also the SVG painter's own rules (escaping, clips, seamless fills).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "app/plot/painter_svg.h"
#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

std::string readText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string exportDir(const std::string& format) {
  const std::string dir = ::testing::TempDir() + "gradlab_export_svg_" + format;
  std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str());
  return dir;
}

TEST(ExportSvg, IsWellFormedWithTextAsTextAndTheFieldEmbedded) {
  const std::string dir = exportDir("xml");
  const CommandResult r = runGradlab("export --lab optimizer --format svg --out-dir " + dir, true,
                                     "env -u DISPLAY -u WAYLAND_DISPLAY");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* name : {"optimizer-map", "optimizer-f", "optimizer-grad-norm"}) {
    const std::string path = dir + "/" + name + ".svg";
    EXPECT_EQ(std::system(("xmllint --noout '" + path + "'").c_str()), 0) << path;
  }
  const std::string map = readText(dir + "/optimizer-map.svg");
  EXPECT_NE(map.find(">w1</text>"), std::string::npos);     // axis labels stay text
  EXPECT_NE(map.find(">run 1</text>"), std::string::npos);  // the legend too
  EXPECT_EQ(count(map, "<image "), 1);                      // the shaded field, once
  EXPECT_NE(map.find("data:image/png;base64,"), std::string::npos);
  EXPECT_GT(count(map, "<polyline "), 14);  // iso-lines (14 levels) and trajectories as paths
  EXPECT_EQ(count(map, "<g clip-path="), count(map, "</g>"));
}

// The measure: over an 80 x 80 grid of the map's plot area (field, iso-lines, trajectories,
// markers, legend), the mean absolute difference per channel and the share of samples whose
// worst channel is within 24 levels. The misses are glyph edges (rsvg lays text out with Pango)
// and 1-pixel lines that Cairo puts on pixel centres and rsvg across two pixels.
TEST(ExportSvg, RenderedByRsvgItMatchesThePngExport) {
  const std::string dir = exportDir("raster");
  double area[4] = {0, 0, 0, 0};  // the map's plot area, from --report
  for (const char* format : {"svg", "png"}) {
    const CommandResult r = runGradlab(
        std::string("export --lab optimizer --theme light --size 800x600 --report --format ") +
            format + " --out-dir " + dir,
        true, "env -u DISPLAY -u WAYLAND_DISPLAY");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::size_t at = r.output.find("optimizer-map." + std::string(format) + ": area_px ");
    ASSERT_NE(at, std::string::npos) << r.output;
    ASSERT_EQ(std::sscanf(r.output.c_str() + r.output.find("area_px", at),
                          "area_px %lf %lf %lf %lf", &area[0], &area[1], &area[2], &area[3]),
              4);
  }
  const std::string rendered = dir + "/map-from-svg.png";
  ASSERT_EQ(std::system(
                ("rsvg-convert -w 800 -h 600 '" + dir + "/optimizer-map.svg' -o '" + rendered + "'")
                    .c_str()),
            0);
  const Image svg = loadPng(rendered), png = loadPng(dir + "/optimizer-map.png");
  ASSERT_EQ(svg.width, 800);
  ASSERT_EQ(png.width, 800);
  const int n = 80;
  double sum = 0;
  int within = 0;
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const int x = int(area[0] + area[2] * (0.02 + 0.96 * (i + 0.5) / n));
      const int y = int(area[1] + area[3] * (0.02 + 0.96 * (j + 0.5) / n));
      const unsigned char *a = svg.at(x, y), *b = png.at(x, y);
      int worst = 0;
      for (int k = 0; k < 3; ++k) {
        sum += std::abs(a[k] - b[k]);
        worst = std::max(worst, std::abs(a[k] - b[k]));
      }
      within += worst <= 24;
    }
  const double mean = sum / (3.0 * n * n), share = double(within) / (n * n);
  std::printf("SVG (rsvg) vs PNG map: mean |diff| per channel %.2f levels, %.1f%% within 24\n",
              mean, 100 * share);
  EXPECT_LT(mean, 3.0);
  EXPECT_GT(share, 0.95);
}

TEST(SvgPainter, EscapesTextBalancesClipsAndFillsTrianglesAsOnePath) {
  plot::CairoOptions options;
  const std::string svg = plot::PaintToSvg(200, 100, options, [](plot::Painter& p) {
    p.pushClip({10, 10, 190, 90});
    p.pushClip({20, 20, 180, 80});
    p.text({30, 30}, "f < 1 & g > 2", {0, 0, 0, 1});
    p.fillTriangles({{0, 0}, {10, 0}, {0, 10}, {10, 0}, {10, 10}, {0, 10}}, {1, 0, 0, 0.5f});
    p.popClip();
    // the second clip is left open: the document still closes it
  });
  EXPECT_NE(svg.find(">f &lt; 1 &amp; g &gt; 2</text>"), std::string::npos) << svg;
  EXPECT_EQ(count(svg, "<g clip-path="), 2);
  EXPECT_EQ(count(svg, "</g>"), 2);
  EXPECT_EQ(count(svg, "<path "), 1);
  EXPECT_NE(svg.find("fill=\"#ff0000\" fill-opacity=\"0.5\""), std::string::npos) << svg;
  EXPECT_EQ(svg.rfind("</svg>\n"), svg.size() - 7);
}

}  // namespace
}  // namespace gradlab::test
