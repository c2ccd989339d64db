// The heap's size classes, spans and pages (heap_spans.h explains the model).
#include "scheduler/vm/heap_spans.h"

#include <algorithm>
#include <array>

namespace gb::vm {

namespace {

// Size classes in words: every size to 8, then steps that keep the waste of a slot under about a quarter, up to
// a page (as Go's class table does in bytes).
constexpr std::array<std::uint32_t, 36> kClasses = {1,   2,   3,   4,   5,   6,   7,   8,   10,  12,  14,  16,
                                                    20,  24,  28,  32,  40,  48,  56,  64,  80,  96,  112, 128,
                                                    160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024};

std::uint32_t class_of(std::uint64_t n) {
  return static_cast<std::uint32_t>(std::lower_bound(kClasses.begin(), kClasses.end(), n) - kClasses.begin());
}

// Pages of a span of class c: one for small slots, eight from 160 words up (so a span holds at least eight).
std::uint32_t class_pages(std::uint32_t c) { return kClasses[c] <= 128 ? 1 : 8; }

}  // namespace

HeapSpans::HeapSpans() : partial_(kClasses.size()) {}

void HeapSpans::reset(Word first) {
  *this = HeapSpans{};
  first_ = first;
}

std::uint64_t HeapSpans::size_class_words(std::uint64_t n) const {
  if (n > kMaxSmallWords) return (n + kPageWords - 1) / kPageWords * kPageWords;
  return kClasses[class_of(n)];
}

std::optional<std::uint64_t> HeapSpans::take_pages(std::uint64_t n, Word limit) {
  for (auto it = free_pages_.begin(); it != free_pages_.end(); ++it) {
    if (it->second < n) continue;
    const std::uint64_t page = it->first, run = it->second;
    free_pages_.erase(it);
    if (run > n) free_pages_.emplace(page + n, run - n);
    return page;
  }
  if (first_ + (pages_ + n) * kPageWords > limit) return std::nullopt;
  const std::uint64_t page = pages_;
  pages_ += n;
  page_span_.resize(pages_, 0);
  if (page_dirty_.size() < pages_) page_dirty_.resize(pages_, 0);
  return page;
}

void HeapSpans::give_pages(std::uint64_t page, std::uint64_t n) {
  for (std::uint64_t p = page; p < page + n; ++p) page_span_[p] = 0;
  auto next = free_pages_.lower_bound(page);
  if (next != free_pages_.end() && next->first == page + n) {  // join the run after
    n += next->second;
    next = free_pages_.erase(next);
  }
  if (next != free_pages_.begin()) {  // join the run before
    auto prev = std::prev(next);
    if (prev->first + prev->second == page) {
      page = prev->first;
      n += prev->second;
      free_pages_.erase(prev);
    }
  }
  free_pages_.emplace(page, n);
}

std::uint32_t HeapSpans::new_span(std::uint64_t page, std::uint32_t pages, std::uint32_t size_class,
                                  std::uint64_t elem_words) {
  std::uint32_t id;
  if (!free_spans_.empty()) {
    id = free_spans_.back();
    free_spans_.pop_back();
  } else {
    id = static_cast<std::uint32_t>(spans_.size());
    spans_.emplace_back();
  }
  Span& s = spans_[id];
  s.base = first_ + page * kPageWords;
  s.pages = pages;
  s.size_class = size_class;
  s.elem_words = elem_words;
  s.nelems = size_class == kLarge ? 1 : static_cast<std::uint32_t>(pages * kPageWords / elem_words);
  s.allocated = 0;
  s.free_index = 0;
  s.in_use = true;
  s.partial = false;
  const std::size_t bitwords = (s.nelems + 63) / 64;
  s.alloc.assign(bitwords, 0);
  s.marks.assign(bitwords, 0);
  s.noscan.assign(bitwords, 0);
  s.bytes.assign(s.nelems, 0);
  for (std::uint64_t p = page; p < page + pages; ++p) page_span_[p] = id + 1;
  span_pages_ += pages;
  return id;
}

Word HeapSpans::alloc(std::uint64_t n, bool noscan, bool& dirty, Word limit, std::uint64_t bytes) {
  std::uint32_t id;
  std::uint32_t index = 0;
  if (n > kMaxSmallWords) {
    const std::uint64_t pages = (n + kPageWords - 1) / kPageWords;
    if (pages > UINT32_MAX) return 0;
    const auto page = take_pages(pages, limit);
    if (!page) return 0;
    id = new_span(*page, static_cast<std::uint32_t>(pages), kLarge, pages * kPageWords);
  } else {
    const std::uint32_t c = class_of(n);
    std::vector<std::uint32_t>& partial = partial_[c];
    if (partial.empty()) {
      const auto page = take_pages(class_pages(c), limit);
      if (!page) return 0;
      id = new_span(*page, class_pages(c), c, kClasses[c]);
      spans_[id].partial = true;
      partial.push_back(id);
    }
    id = partial.back();
    Span& s = spans_[id];
    // The first free object at or above free_index (a partial span has one, below nelems).
    std::size_t w = s.free_index >> 6;
    std::uint64_t free_bits = ~s.alloc[w] & (~std::uint64_t{0} << (s.free_index & 63));
    while (free_bits == 0) free_bits = ~s.alloc[++w];
    index = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(free_bits)));
    s.free_index = index + 1;
    if (s.allocated + 1 == s.nelems) {
      partial.pop_back();
      s.partial = false;
    }
  }
  Span& s = spans_[id];
  set(s.alloc, index, true);
  set(s.noscan, index, noscan);
  ++s.allocated;
  ++live_objects_;
  live_words_ += s.elem_words;
  s.bytes[index] = bytes;
  live_bytes_ += bytes;
  const Word base = s.base + index * s.elem_words;
  const std::uint64_t first_page = (base - first_) / kPageWords;
  const std::uint64_t last_page = (base + s.elem_words - 1 - first_) / kPageWords;
  dirty = false;
  for (std::uint64_t p = first_page; p <= last_page && !dirty; ++p) dirty = page_dirty_[p] != 0;
  return base;
}

std::optional<HeapSpans::Object> HeapSpans::find(Word a) const {
  if (a < first_) return std::nullopt;
  const std::uint64_t page = (a - first_) / kPageWords;
  if (page >= pages_ || page_span_[page] == 0) return std::nullopt;
  const std::uint32_t id = page_span_[page] - 1;
  const Span& s = spans_[id];
  const std::uint64_t index = (a - s.base) / s.elem_words;
  if (index >= s.nelems || !bit(s.alloc, static_cast<std::uint32_t>(index))) return std::nullopt;
  return Object{s.base + index * s.elem_words, s.elem_words, Ref{id, static_cast<std::uint32_t>(index)}};
}

bool HeapSpans::mark(Ref r) {
  Span& s = spans_[r.span];
  if (bit(s.marks, r.index)) return false;
  set(s.marks, r.index, true);
  return true;
}

void HeapSpans::sweep(const std::function<void(Word, std::uint64_t)>& freed,
                      const std::function<void(Word, std::uint64_t)>& released) {
  for (std::uint32_t id = 0; id < spans_.size(); ++id) {
    Span& s = spans_[id];
    if (!s.in_use) continue;
    std::uint32_t freed_here = 0;
    for (std::size_t w = 0; w < s.alloc.size(); ++w) {
      std::uint64_t dead = s.alloc[w] & ~s.marks[w];
      while (dead != 0) {
        const auto i = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(dead)));
        dead &= dead - 1;
        const Word base = s.base + std::uint64_t{i} * s.elem_words;
        freed(base, s.elem_words);
        live_bytes_ -= s.bytes[i];
        const std::uint64_t p0 = (base - first_) / kPageWords, p1 = (base + s.elem_words - 1 - first_) / kPageWords;
        for (std::uint64_t p = p0; p <= p1; ++p) page_dirty_[p] = 1;
        ++freed_here;
        s.free_index = std::min(s.free_index, i);
      }
      s.alloc[w] &= s.marks[w];
      s.marks[w] = 0;
    }
    s.allocated -= freed_here;
    live_objects_ -= freed_here;
    live_words_ -= std::uint64_t{freed_here} * s.elem_words;
    if (s.allocated == 0) {  // empty: its pages go back (and it leaves its class's partial list)
      if (s.partial) {
        auto& partial = partial_[s.size_class];
        partial.erase(std::find(partial.begin(), partial.end(), id));
      }
      s.in_use = false;
      s.partial = false;
      span_pages_ -= s.pages;
      give_pages((s.base - first_) / kPageWords, s.pages);
      if (released) released(s.base, std::uint64_t{s.pages} * kPageWords);
      free_spans_.push_back(id);
      continue;
    }
    if (freed_here != 0 && !s.partial && s.size_class != kLarge) {
      s.partial = true;
      partial_[s.size_class].push_back(id);
    }
  }
  // Free pages at the top leave the heap's address space.
  if (!free_pages_.empty()) {
    auto last = std::prev(free_pages_.end());
    if (last->first + last->second == pages_) {
      pages_ = last->first;
      free_pages_.erase(last);
      page_span_.resize(pages_);  // page_dirty_ keeps them: their words may come back unzeroed (machine mode)
    }
  }
}

}  // namespace gb::vm
