#include "pdf_table_stream.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <stdexcept>

#include "pdf_glyphs.h"
#include "pdf_text.h"

namespace subdesk::reports {

using namespace pdf;

PdfTableStream::PdfTableStream(const std::string& path, const std::string& title, std::vector<PdfColumn> columns,
                               std::function<std::string(int)> pageLabel)
    : title_(title), columns_(std::move(columns)), pageLabel_(std::move(pageLabel)), path_(path) {
  surface_ = cairo_pdf_surface_create(path.c_str(), kPageW, kPageH);
  if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    throw std::runtime_error("cannot write " + path);
  }
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "subdesk");
  cr_ = cairo_create(surface_);
  shaper_ = std::make_unique<CellShaper>(cr_);
  // The columns share the page's width in the proportions the report asked for: a report
  // whose widths add up to more never runs off the page, one whose widths add up to less
  // gets the room.
  double total = 0;
  for (const auto& c : columns_) total += c.widthMm;
  if (total > 0) {
    for (auto& c : columns_) c.widthMm *= kBodyW / kPt / total;
  }
  if (!pageLabel_) pageLabel_ = [](int p) { return std::to_string(p); };
}

PdfTableStream::~PdfTableStream() {
  try {
    if (cr_) finish();
  } catch (...) {
  }
}

const PdfTableStream::Cell& PdfTableStream::cell(std::size_t column, const std::string& text, bool bold) {
  auto& byColumn = cache_[bold ? 1 : 0];
  if (byColumn.size() != columns_.size()) byColumn.resize(columns_.size());
  auto& m = byColumn[column];
  if (auto it = m.find(text); it != m.end()) return it->second;
  // Unique texts (ids, moments, amounts) would grow the cache without end: it is bounded,
  // and emptied when full (memory stays flat however many rows come).
  if (m.size() >= 2048) m.clear();
  const PdfColumn& col = columns_[column];
  return m.emplace(text, shaper_->shape(text, bold ? kTableBold : kTable, col.widthMm * kPt - 3 * kPt, col.alignRight))
      .first->second;
}

void PdfTableStream::drawHeader() {
  double x = kMargin;
  double h = 0;
  for (const auto& c : columns_) {
    h = std::max(h, textHeight(cr_, c.title, kTableBold, c.widthMm * kPt - 3 * kPt));
  }
  for (const auto& c : columns_) {
    drawText(cr_, c.title, kTableBold, x, y_ + 1.5 * kPt, c.widthMm * kPt - 3 * kPt, c.alignRight);
    x += c.widthMm * kPt;
  }
  y_ += h + 4 * kPt;
}

void PdfTableStream::startPage() {
  ++page_;
  pageOpen_ = true;
  y_ = kMargin;
  cairo_set_source_rgb(cr_, 0, 0, 0);
  if (page_ > 1) drawHeader();
}

void PdfTableStream::endPage() {
  if (!pageOpen_) return;
  cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
  drawText(cr_, title_, kSmall, kMargin, kPageH - kMargin, kBodyW * 0.7);
  drawText(cr_, pageLabel_(page_), kSmall, kMargin, kPageH - kMargin, kBodyW, true);
  cairo_show_page(cr_);
  pageOpen_ = false;
}

void PdfTableStream::heading(const std::string& title, const std::string& subtitle) {
  if (!pageOpen_) startPage();
  const double h = textHeight(cr_, title, kHeading, kBodyW);
  drawText(cr_, title, kHeading, kMargin, y_, kBodyW);
  y_ += h + 2 * kPt;
  if (!subtitle.empty()) {
    const double s = textHeight(cr_, subtitle, kBody, kBodyW);
    drawText(cr_, subtitle, kBody, kMargin, y_, kBodyW);
    y_ += s + 4 * kPt;
  }
  drawHeader();
}

void PdfTableStream::row(const std::vector<std::string>& cells, bool bold) {
  if (!pageOpen_) {
    startPage();
    if (page_ == 1) drawHeader();
  }
  laid_.clear();
  double h = 0;
  for (std::size_t i = 0; i < columns_.size() && i < cells.size(); ++i) {
    laid_.push_back(&cell(i, cells[i], bold));
    h = std::max(h, (*laid_.back())->height());
  }
  h += 3 * kPt;
  if (y_ + h > kBodyBottom) {
    endPage();
    startPage();
  }
  double x = kMargin;
  cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr_, 0.4);
  double right = kMargin;
  for (const auto& c : columns_) right += c.widthMm * kPt;
  cairo_move_to(cr_, kMargin, y_);
  cairo_line_to(cr_, right, y_);
  cairo_stroke(cr_);
  cairo_set_source_rgb(cr_, 0, 0, 0);
  ShapedText::Batch batch;  // the row's cells in one cairo call per font
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i < laid_.size()) (*laid_[i])->draw(cr_, x, y_ + 1.5 * kPt, batch);
    x += columns_[i].widthMm * kPt;
  }
  batch.flush(cr_);
  y_ += h;
}

int PdfTableStream::finish() {
  if (!cr_) return page_;
  if (!pageOpen_ && page_ == 0) startPage();
  endPage();
  for (auto& byColumn : cache_) byColumn.clear();  // the shaped texts hold the context's fonts
  shaper_.reset();
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  const bool ok = cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (!ok) throw std::runtime_error("cannot write " + path_);
  return page_;
}

}  // namespace subdesk::reports
