// The Cairo backend of the plot painter. See painter_cairo.h.
//
// Pixel conventions follow ImGui's draw list so both backends agree: lines are offset by half a
// pixel (a 1-pixel line at x = 10 covers pixel column 10), rectangle outlines are inset by half
// a pixel, and text's top-left corner is where ImGui puts it (baseline at the font's ascent).
//
// Index
// [SECTION] Font (DejaVu Sans through FreeType, sized as ImGui sizes it)
// [SECTION] CairoPainter
// [SECTION] Surfaces, PNG encoding, files
#include "app/plot/painter_cairo.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <png.h>

#include <algorithm>
#include <cmath>

#include "app/plot/figure.h"
#include "core/atomic_file.h"

namespace gradlab::plot {

namespace {

// [SECTION] Font (DejaVu Sans through FreeType, sized as ImGui sizes it)

// DejaVu Sans loaded through FreeType, sized as ImGui sizes it: font_px is ascent - descent
// (stb_truetype's ScaleForPixelHeight), so the em is smaller than font_px.
class Font {
 public:
  explicit Font(const CairoOptions& options) : px_(options.font_px) {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    if (FT_Init_FreeType(&library) == 0 &&
        FT_New_Face(library, options.font_path.c_str(), 0, &face) == 0) {
      const double units = double(face->ascender - face->descender);
      em_px_ = px_ * face->units_per_EM / units;
      // ImGui 1.86: ascent = floor(unscaled_ascent * scale + 1).
      ascent_px_ = std::floor(face->ascender * px_ / units + 1);
      cairo_face_ = cairo_ft_font_face_create_for_ft_face(face, 0);
      // Cairo may keep the face in its caches after we let go of it: the FreeType face and
      // library are released when Cairo drops its last reference, not before.
      auto* owned = new FreeTypeFont{library, face};
      if (cairo_font_face_set_user_data(cairo_face_, &kFreeTypeKey, owned, ReleaseFreeType) !=
          CAIRO_STATUS_SUCCESS)
        ReleaseFreeType(owned);  // cannot happen short of memory; leak the Cairo face instead
    } else {
      if (library) FT_Done_FreeType(library);
      cairo_face_ = cairo_toy_font_face_create("sans-serif", CAIRO_FONT_SLANT_NORMAL,
                                               CAIRO_FONT_WEIGHT_NORMAL);
      em_px_ = px_ * 0.86;
      ascent_px_ = std::floor(0.76 * px_ + 1);
    }
  }
  ~Font() { cairo_font_face_destroy(cairo_face_); }
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  // Unhinted outlines and linear advances: widths scale exactly, as ImGui's do.
  void select(cairo_t* cr) const {
    cairo_set_font_face(cr, cairo_face_);
    cairo_set_font_size(cr, em_px_);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
  }
  float px() const { return px_; }
  double ascent() const { return ascent_px_; }
  double em() const { return em_px_; }

 private:
  float px_;
  double em_px_ = 0, ascent_px_ = 0;
  cairo_font_face_t* cairo_face_ = nullptr;

  struct FreeTypeFont {
    FT_Library library;
    FT_Face face;
  };
  static inline const cairo_user_data_key_t kFreeTypeKey{};
  static void ReleaseFreeType(void* data) {
    auto* font = static_cast<FreeTypeFont*>(data);
    FT_Done_Face(font->face);
    FT_Done_FreeType(font->library);
    delete font;
  }
};

void SetColor(cairo_t* cr, Color c) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

// [SECTION] CairoPainter

class CairoPainter final : public Painter {
 public:
  CairoPainter(cairo_t* cr, const Font& font, float image_oversample)
      : cr_(cr), font_(font), oversample_(image_oversample) {
    font_.select(cr_);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);
  }

  void polyline(const Point* p, int count, Color color, float width, bool closed) override {
    if (count < 2 || color.a <= 0) return;
    cairo_new_path(cr_);
    cairo_move_to(cr_, p[0].x, p[0].y);
    for (int i = 1; i < count; ++i) cairo_line_to(cr_, p[i].x, p[i].y);
    if (closed) cairo_close_path(cr_);
    stroke(color, width);
  }

  void fillConvex(const Point* p, int count, Color color) override {
    if (count < 3 || color.a <= 0) return;
    cairo_new_path(cr_);
    cairo_move_to(cr_, p[0].x, p[0].y);
    for (int i = 1; i < count; ++i) cairo_line_to(cr_, p[i].x, p[i].y);
    cairo_close_path(cr_);
    SetColor(cr_, color);
    cairo_fill(cr_);
  }

  void fillTriangles(const std::vector<Point>& v, Color color) override {
    if (v.size() < 3 || color.a <= 0) return;
    // One path, every triangle turned the same way: the non-zero rule fills their union once,
    // so neither seams nor doubled alpha where they touch.
    cairo_new_path(cr_);
    for (std::size_t i = 0; i + 2 < v.size(); i += 3) {
      const Point &a = v[i], &b = v[i + 1], &c = v[i + 2];
      const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
      if (cross == 0) continue;
      const Point& second = cross > 0 ? b : c;
      const Point& third = cross > 0 ? c : b;
      cairo_move_to(cr_, a.x, a.y);
      cairo_line_to(cr_, second.x, second.y);
      cairo_line_to(cr_, third.x, third.y);
      cairo_close_path(cr_);
    }
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
    SetColor(cr_, color);
    cairo_fill(cr_);
  }

  void text(Point pos, const std::string& text, Color color, bool vertical) override {
    if (text.empty() || color.a <= 0) return;
    SetColor(cr_, color);
    if (!vertical) {
      cairo_move_to(cr_, pos.x, pos.y + font_.ascent());
      cairo_show_text(cr_, text.c_str());
      cairo_new_path(cr_);
      return;
    }
    const Point size = textSize(text);
    cairo_save(cr_);
    cairo_translate(cr_, pos.x, pos.y);
    cairo_rotate(cr_, -0.5 * 3.14159265358979);
    cairo_move_to(cr_, -0.5 * size.x, -0.5 * size.y + font_.ascent());
    cairo_show_text(cr_, text.c_str());
    cairo_restore(cr_);
    cairo_new_path(cr_);
  }

  Point textSize(const std::string& text) const override {
    cairo_text_extents_t e;
    cairo_text_extents(cr_, text.c_str(), &e);
    return {e.x_advance, font_.px()};
  }

  float fontSize() const override { return font_.px(); }

  void image(const PixelRect& dst, const ImageItem& item) override {
    if (!item.field || !(dst.width() > 0) || !(dst.height() > 0)) return;
    if (oversample_ == 1 && item.tint.a >= 1 && drawOpaqueImageInPlace(dst, *item.field)) return;
    // Elsewhere (PDF) the field is rasterized at `oversample_` pixels per unit, then placed.
    const int w = std::max(1, int(std::ceil(dst.width() * oversample_)));
    const int h = std::max(1, int(std::ceil(dst.height() * oversample_)));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_surface_flush(surface);
    RasterizeFieldRegion(*item.field, {0, 0, double(w), double(h)}, 0, 0, w, h,
                         reinterpret_cast<std::uint32_t*>(cairo_image_surface_get_data(surface)),
                         cairo_image_surface_get_stride(surface));
    cairo_surface_mark_dirty(surface);
    cairo_save(cr_);
    cairo_rectangle(cr_, dst.x0, dst.y0, dst.width(), dst.height());
    cairo_clip(cr_);
    cairo_translate(cr_, dst.x0, dst.y0);
    cairo_scale(cr_, dst.width() / w, dst.height() / h);
    cairo_set_source_surface(cr_, surface, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_BILINEAR);
    cairo_pattern_set_extend(cairo_get_source(cr_), CAIRO_EXTEND_PAD);
    cairo_paint_with_alpha(cr_, item.tint.a);
    cairo_restore(cr_);
    cairo_surface_destroy(surface);
  }

  void pushClip(const PixelRect& r) override {
    cairo_save(cr_);
    cairo_new_path(cr_);
    cairo_rectangle(cr_, r.x0, r.y0, r.width(), r.height());
    cairo_clip(cr_);
  }
  void popClip() override { cairo_restore(cr_); }

  void line(Point a, Point b, Color color, float width) override {
    const Point p[2] = {{a.x + 0.5, a.y + 0.5}, {b.x + 0.5, b.y + 0.5}};
    polyline(p, 2, color, width, false);
  }

  void rect(const PixelRect& r, Color color, float width) override {
    if (color.a <= 0) return;
    cairo_new_path(cr_);
    cairo_rectangle(cr_, r.x0 + 0.5, r.y0 + 0.5, r.width() - 1, r.height() - 1);
    stroke(color, width);
  }

  void fillRect(const PixelRect& r, Color color, float rounding) override {
    if (color.a <= 0) return;
    cairo_new_path(cr_);
    const double k = std::min({double(rounding), 0.5 * r.width(), 0.5 * r.height()});
    if (k > 0) {
      const double pi = 3.14159265358979;
      cairo_arc(cr_, r.x1 - k, r.y0 + k, k, -0.5 * pi, 0);
      cairo_arc(cr_, r.x1 - k, r.y1 - k, k, 0, 0.5 * pi);
      cairo_arc(cr_, r.x0 + k, r.y1 - k, k, 0.5 * pi, pi);
      cairo_arc(cr_, r.x0 + k, r.y0 + k, k, pi, 1.5 * pi);
      cairo_close_path(cr_);
    } else {
      cairo_rectangle(cr_, r.x0, r.y0, r.width(), r.height());
    }
    SetColor(cr_, color);
    cairo_fill(cr_);
  }

  void circle(Point c, float r, Color color, bool filled, float width) override {
    if (color.a <= 0 || !(r > 0)) return;
    cairo_new_path(cr_);
    cairo_arc(cr_, c.x, c.y, r, 0, 2 * 3.14159265358979);
    cairo_close_path(cr_);
    if (filled) {
      SetColor(cr_, color);
      cairo_fill(cr_);
    } else {
      stroke(color, width);
    }
  }

 private:
  // An opaque field on a raster canvas: every pixel whose centre is inside the image and the
  // clip is computed straight into the canvas (no intermediate image, no resampling). False
  // when the canvas is not a plain image surface.
  bool drawOpaqueImageInPlace(const PixelRect& dst, const FieldImage& field) {
    cairo_surface_t* target = cairo_get_target(cr_);
    cairo_matrix_t m;
    cairo_get_matrix(cr_, &m);
    if (cairo_surface_get_type(target) != CAIRO_SURFACE_TYPE_IMAGE || m.xx != 1 || m.yy != 1 ||
        m.xy != 0 || m.yx != 0 || m.x0 != 0 || m.y0 != 0)
      return false;
    const cairo_format_t format = cairo_image_surface_get_format(target);
    if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) return false;
    double cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0;
    cairo_clip_extents(cr_, &cx0, &cy0, &cx1, &cy1);
    const int width = cairo_image_surface_get_width(target);
    const int height = cairo_image_surface_get_height(target);
    const int x0 = std::clamp(int(std::ceil(std::max(dst.x0, cx0) - 0.5)), 0, width);
    const int x1 = std::clamp(int(std::ceil(std::min(dst.x1, cx1) - 0.5)), x0, width);
    const int y0 = std::clamp(int(std::ceil(std::max(dst.y0, cy0) - 0.5)), 0, height);
    const int y1 = std::clamp(int(std::ceil(std::min(dst.y1, cy1) - 0.5)), y0, height);
    cairo_surface_flush(target);
    const int stride = cairo_image_surface_get_stride(target);
    unsigned char* data = cairo_image_surface_get_data(target);
    RasterizeFieldRegion(
        field, dst, x0, y0, x1, y1,
        reinterpret_cast<std::uint32_t*>(data + std::size_t(y0) * stride + std::size_t(x0) * 4),
        stride);
    cairo_surface_mark_dirty_rectangle(target, x0, y0, x1 - x0, y1 - y0);
    return true;
  }

  void stroke(Color color, float width) {
    SetColor(cr_, color);
    cairo_set_line_width(cr_, std::max(width, 0.01f));
    cairo_stroke(cr_);
  }

  cairo_t* cr_;
  const Font& font_;
  float oversample_;
};

// [SECTION] Surfaces, PNG encoding, files

// The font must outlive the surface's finish: a PDF surface embeds the glyphs only then.
// `scale`: output pixels per layout pixel (the figure is laid out at its size in layout pixels).
void Paint(cairo_surface_t* surface, const Font& font, const CairoOptions& options, float scale,
           float oversample, const PaintFunction& paint) {
  cairo_t* cr = cairo_create(surface);
  SetColor(cr, options.page);
  cairo_paint(cr);
  if (scale != 1) cairo_scale(cr, scale, scale);
  {
    CairoPainter painter(cr, font, oversample);
    paint(painter);
  }
  cairo_destroy(cr);
  cairo_surface_flush(surface);
}

std::vector<std::uint8_t> SurfaceRgba(cairo_surface_t* surface, int width, int height) {
  std::vector<std::uint8_t> rgba(std::size_t(width) * height * 4);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
    std::uint8_t* out = &rgba[std::size_t(y) * width * 4];
    for (int x = 0; x < width; ++x, out += 4) {
      // Premultiplied ARGB32; the page is opaque unless the caller chose otherwise.
      const std::uint32_t p = row[x];
      const unsigned a = p >> 24;
      if (a == 255) {
        out[0] = std::uint8_t(p >> 16), out[1] = std::uint8_t(p >> 8), out[2] = std::uint8_t(p);
        out[3] = 255;
        continue;
      }
      auto channel = [a](unsigned v) {
        return std::uint8_t(a == 0 ? 0 : std::min(255u, (v * 255 + a / 2) / a));
      };
      out[0] = channel((p >> 16) & 255);
      out[1] = channel((p >> 8) & 255);
      out[2] = channel(p & 255);
      out[3] = std::uint8_t(a);
    }
  }
  return rgba;
}

void PngWrite(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

void PngFlush(png_structp) {}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
  out->insert(out->end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::vector<std::uint8_t> PaintToRgba(int width, int height, const CairoOptions& options,
                                      const PaintFunction& paint) {
  const Font font(options);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  Paint(surface, font, options, 1, 1, paint);
  std::vector<std::uint8_t> rgba = SurfaceRgba(surface, width, height);
  cairo_surface_destroy(surface);
  return rgba;
}

namespace {

// One PNG from `height` rows of 4 bytes a pixel, each row at data + y * stride: RGBA, or RGB with
// the fourth byte dropped when `opaque`, in BGR order when `bgr` (Cairo's little-endian ARGB32).
bool WritePngRows(const unsigned char* data, std::size_t stride, int width, int height, bool opaque,
                  bool bgr, int zlib_level, std::vector<std::uint8_t>* out) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  out->clear();
  png_set_write_fn(png, out, PngWrite, PngFlush);
  png_set_compression_level(png, std::clamp(zlib_level, 0, 9));
  // One cheap filter: adaptive filtering costs more than it saves at a low zlib level.
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8,
               opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_write_info(png, info);
  if (bgr) png_set_bgr(png);
  if (opaque) png_set_filler(png, 0, PNG_FILLER_AFTER);  // drop the alpha byte of each pixel
  for (int y = 0; y < height; ++y)
    png_write_row(png, const_cast<png_bytep>(data + std::size_t(y) * stride));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

bool EncodePng(int width, int height, const std::vector<std::uint8_t>& rgba, int zlib_level,
               std::vector<std::uint8_t>* out) {
  if (width <= 0 || height <= 0 || rgba.size() != std::size_t(width) * height * 4) return false;
  bool opaque = true;
  for (std::size_t i = 3; i < rgba.size() && opaque; i += 4) opaque = rgba[i] == 255;
  return WritePngRows(rgba.data(), std::size_t(width) * 4, width, height, opaque, false, zlib_level,
                      out);
}

namespace {

// An opaque little-endian ARGB32 surface is B, G, R, 255 in memory: libpng takes its rows as they
// are (BGR order, the fourth byte dropped), with no copy. Anything else goes through RGBA.
bool EncodeSurfacePng(cairo_surface_t* surface, int width, int height, int zlib_level,
                      std::vector<std::uint8_t>* out) {
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  bool opaque = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
  for (int y = 0; y < height && opaque; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
    for (int x = 0; x < width && opaque; ++x) opaque = (row[x] >> 24) == 255;
  }
  if (!opaque)
    return EncodePng(width, height, SurfaceRgba(surface, width, height), zlib_level, out);
  return WritePngRows(data, std::size_t(stride), width, height, true, true, zlib_level, out);
}

}  // namespace

struct TextMeasure::Impl {
  explicit Impl(const CairoOptions& options)
      : font(options),
        surface(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)),
        cr(cairo_create(surface)) {
    font.select(cr);
  }
  ~Impl() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
  Font font;
  cairo_surface_t* surface;
  cairo_t* cr;
};

TextMeasure::TextMeasure(const CairoOptions& options) : impl_(new Impl(options)) {}
TextMeasure::~TextMeasure() = default;

Point TextMeasure::size(const std::string& text) const {
  cairo_text_extents_t e;
  cairo_text_extents(impl_->cr, text.c_str(), &e);
  return {e.x_advance, impl_->font.px()};
}
float TextMeasure::px() const {
  return impl_->font.px();
}
double TextMeasure::ascent() const {
  return impl_->font.ascent();
}
double TextMeasure::em() const {
  return impl_->font.em();
}

bool PaintToFile(const std::string& path, OutputFormat format, int width, int height,
                 const CairoOptions& options, const PaintFunction& paint, std::string* error) {
  std::vector<std::uint8_t> bytes;
  const Font font(options);
  if (format == OutputFormat::Png) {
    // Laid out at width x height, drawn at pixel_scale times as many pixels (print: 2x, 4x).
    const float scale = std::clamp(options.pixel_scale, 0.25f, 8.0f);
    const int w = std::max(1, int(std::lround(width * scale)));
    const int h = std::max(1, int(std::lround(height * scale)));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    Paint(surface, font, options, scale, scale, paint);
    const bool ok = EncodeSurfacePng(surface, w, h, options.png_zlib_level, &bytes);
    cairo_surface_destroy(surface);
    if (!ok) {
      *error = "cannot encode " + path + " as PNG";
      return false;
    }
  } else {
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, width, height);
    Paint(surface, font, options, 1, options.image_oversample, paint);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
      *error = "cannot write " + path + " as PDF: " + cairo_status_to_string(status);
      return false;
    }
  }
  return writeFileAtomic(path, bytes.data(), bytes.size(), error);
}

}  // namespace gradlab::plot
