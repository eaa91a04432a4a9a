#include "app/plot/painter_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "app/plot/field_image.h"
#include "app/plot/figure.h"
#include "core/atomic_file.h"

namespace gradlab::plot {
namespace {

// Numbers with two decimals (a hundredth of a pixel), trailing zeros dropped.
std::string Num(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string Hex(Color c) {
  auto byte = [](float v) { return int(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

// ` fill="#rrggbb"` (with fill-opacity when translucent); the same for stroke.
std::string Paint(const char* what, Color c) {
  std::string s = std::string(" ") + what + "=\"" + Hex(c) + "\"";
  if (c.a < 1) s += std::string(" ") + what + "-opacity=\"" + Num(c.a) + "\"";
  return s;
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string Base64(const std::vector<std::uint8_t>& bytes) {
  static const char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t n = std::uint32_t(bytes[i]) << 16 |
                            (i + 1 < bytes.size() ? std::uint32_t(bytes[i + 1]) << 8 : 0) |
                            (i + 2 < bytes.size() ? std::uint32_t(bytes[i + 2]) : 0);
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

std::string Points(const Point* p, int count) {
  std::string s;
  for (int i = 0; i < count; ++i) {
    if (i) s += ' ';
    s += Num(p[i].x) + "," + Num(p[i].y);
  }
  return s;
}

class SvgPainter final : public Painter {
 public:
  SvgPainter(std::string& out, const TextMeasure& measure) : out_(out), measure_(measure) {}
  ~SvgPainter() override {
    while (open_clips_ > 0) popClip();
  }

  void polyline(const Point* p, int count, Color c, float width, bool closed) override {
    if (count < 2 || c.a <= 0) return;
    out_ += closed ? "<polygon" : "<polyline";
    out_ += " points=\"" + Points(p, count) + "\" fill=\"none\"" + Paint("stroke", c) +
            " stroke-width=\"" + Num(width) + "\" stroke-linejoin=\"round\"/>\n";
  }
  void fillConvex(const Point* p, int count, Color c) override {
    if (count < 3 || c.a <= 0) return;
    out_ += "<polygon points=\"" + Points(p, count) + "\"" + Paint("fill", c) + "/>\n";
  }
  void fillTriangles(const std::vector<Point>& v, Color c) override {
    if (v.size() < 3 || c.a <= 0) return;
    // One path of all the triangles: no seams where neighbours meet (nonzero fill).
    out_ += "<path d=\"";
    for (std::size_t i = 0; i + 2 < v.size(); i += 3)
      out_ += "M" + Num(v[i].x) + "," + Num(v[i].y) + "L" + Num(v[i + 1].x) + "," +
              Num(v[i + 1].y) + "L" + Num(v[i + 2].x) + "," + Num(v[i + 2].y) + "Z";
    out_ += "\"" + Paint("fill", c) + "/>\n";
  }
  void text(Point pos, const std::string& text, Color c, bool vertical) override {
    if (text.empty() || c.a <= 0) return;
    const std::string font = " font-family=\"DejaVu Sans, sans-serif\" font-size=\"" +
                             Num(measure_.em()) + "\"" + Paint("fill", c);
    if (!vertical) {
      out_ += "<text x=\"" + Num(pos.x) + "\" y=\"" + Num(pos.y + measure_.ascent()) + "\"" + font +
              ">" + Escape(text) + "</text>\n";
      return;
    }
    const Point size = textSize(text);
    out_ += "<text transform=\"translate(" + Num(pos.x) + " " + Num(pos.y) +
            ") rotate(-90)\" x=\"" + Num(-0.5 * size.x) + "\" y=\"" +
            Num(-0.5 * size.y + measure_.ascent()) + "\"" + font + ">" + Escape(text) + "</text>\n";
  }
  Point textSize(const std::string& text) const override { return measure_.size(text); }
  float fontSize() const override { return measure_.px(); }

  // The field's pixels at the rectangle's size (at least one per unit), as an embedded PNG.
  void image(const PixelRect& dst, const ImageItem& item) override {
    if (!item.field || !(dst.width() > 0) || !(dst.height() > 0)) return;
    const int w = std::max(1, int(std::ceil(dst.width())));
    const int h = std::max(1, int(std::ceil(dst.height())));
    std::vector<std::uint8_t> png;
    if (!EncodePng(w, h, RasterizeField(*item.field, w, h), 6, &png)) return;
    out_ += "<image x=\"" + Num(dst.x0) + "\" y=\"" + Num(dst.y0) + "\" width=\"" +
            Num(dst.width()) + "\" height=\"" + Num(dst.height()) +
            "\" preserveAspectRatio=\"none\"";
    if (item.tint.a < 1) out_ += " opacity=\"" + Num(item.tint.a) + "\"";
    out_ += " xlink:href=\"data:image/png;base64," + Base64(png) + "\"/>\n";
  }

  // A clip is a group with a clip path; nested groups intersect as nested clips do.
  void pushClip(const PixelRect& r) override {
    const std::string id = "clip" + std::to_string(next_clip_++);
    out_ += "<clipPath id=\"" + id + "\"><rect x=\"" + Num(r.x0) + "\" y=\"" + Num(r.y0) +
            "\" width=\"" + Num(r.width()) + "\" height=\"" + Num(r.height()) +
            "\"/></clipPath>\n<g clip-path=\"url(#" + id + ")\">\n";
    ++open_clips_;
  }
  void popClip() override {
    if (open_clips_ == 0) return;
    out_ += "</g>\n";
    --open_clips_;
  }

  void fillRect(const PixelRect& r, Color c, float rounding) override {
    if (c.a <= 0 || !(r.width() > 0) || !(r.height() > 0)) return;
    out_ += "<rect x=\"" + Num(r.x0) + "\" y=\"" + Num(r.y0) + "\" width=\"" + Num(r.width()) +
            "\" height=\"" + Num(r.height()) + "\"";
    if (rounding > 0) out_ += " rx=\"" + Num(rounding) + "\"";
    out_ += Paint("fill", c) + "/>\n";
  }
  void circle(Point c, float r, Color color, bool filled, float width) override {
    if (color.a <= 0 || !(r > 0)) return;
    out_ += "<circle cx=\"" + Num(c.x) + "\" cy=\"" + Num(c.y) + "\" r=\"" + Num(r) + "\"";
    out_ +=
        filled ? Paint("fill", color)
               : " fill=\"none\"" + Paint("stroke", color) + " stroke-width=\"" + Num(width) + "\"";
    out_ += "/>\n";
  }

 private:
  std::string& out_;
  const TextMeasure& measure_;
  int next_clip_ = 0, open_clips_ = 0;
};

}  // namespace

std::string PaintToSvg(int width, int height, const CairoOptions& options,
                       const PaintFunction& paint) {
  const TextMeasure measure(options);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      "version=\"1.1\" width=\"" +
      Num(width * options.pixel_scale) + "\" height=\"" + Num(height * options.pixel_scale) +
      "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) + "\">\n";
  out += "<rect width=\"100%\" height=\"100%\"" + Paint("fill", options.page) + "/>\n";
  {
    SvgPainter painter(out, measure);
    paint(painter);
  }
  out += "</svg>\n";
  return out;
}

bool PaintToSvgFile(const std::string& path, int width, int height, const CairoOptions& options,
                    const PaintFunction& paint, std::string* error) {
  const std::string svg = PaintToSvg(width, height, options, paint);
  return writeFileAtomic(path, svg.data(), svg.size(), error);
}

}  // namespace gradlab::plot
