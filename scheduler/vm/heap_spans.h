// The heap's allocator, as Go's mheap/mcentral/mspan on the interpreter's word address space: small objects come
// from spans holding objects of one size class (a bit per object says which are allocated, as mspan's allocBits),
// large ones get whole pages of their own, and a span whose objects are all free gives its pages back for any
// class to reuse. The collector marks objects here (a bit per object, as gcmarkBits) and sweep frees the
// unmarked ones. Plain data: copying it is a snapshot.
//
// Simplified against Go: classes are counted in words (Go's are bytes), spans have one or eight pages, there is
// no per-P cache (mcache) and no tiny allocator.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "scheduler/vm/bytecode.h"

namespace gb::vm {

class HeapSpans {
 public:
  static constexpr std::uint64_t kPageWords = 1024;   // a page: 8 KiB, as Go's, at 8 bytes a word
  static constexpr std::uint64_t kMaxSmallWords = 1024;  // larger objects get spans of their own

  // Where an object is: its span and its index there.
  struct Ref {
    std::uint32_t span = 0;
    std::uint32_t index = 0;
  };
  struct Object {
    Word base = 0;
    std::uint64_t words = 0;  // the slot's size (the size class's, at least what was asked)
    Ref ref;
  };

  HeapSpans();
  // The heap begins at word address `first` and is empty.
  void reset(Word first);
  Word first() const { return first_; }
  // One past the last word of the highest page in use: the address space the heap needs now.
  Word end() const { return first_ + pages_ * kPageWords; }

  // An object of at least `n` words (n > 0) that Go would size at `bytes` (its size class's bytes: what the
  // pacer and MemStats count). `noscan`: it holds no pointers (the collector does not look inside). `dirty`
  // tells whether its words were used before (freed by a sweep) and so must be zeroed. 0 when the heap would
  // pass `limit` (a word address).
  Word alloc(std::uint64_t n, bool noscan, bool& dirty, Word limit, std::uint64_t bytes);

  // The allocated object holding word address `a` (interior addresses included), if any.
  std::optional<Object> find(Word a) const;
  // Marks it; true when it was not marked yet.
  bool mark(Ref r);
  bool marked(Ref r) const { return bit(spans_[r.span].marks, r.index); }
  bool noscan(Ref r) const { return bit(spans_[r.span].noscan, r.index); }

  // Frees every allocated object not marked, calling `freed(base, words)` for each, then clears the marks. Spans
  // left empty give their pages back, calling `released(first word, words)` for each; free pages at the top of
  // the heap are dropped (end() goes down).
  void sweep(const std::function<void(Word, std::uint64_t)>& freed,
             const std::function<void(Word, std::uint64_t)>& released = {});

  std::uint64_t live_objects() const { return live_objects_; }
  std::uint64_t live_words() const { return live_words_; }     // in allocated slots
  std::uint64_t live_bytes() const { return live_bytes_; }     // Go's sizes of the allocated objects
  std::uint64_t span_words() const { return span_pages_ * kPageWords; }  // in spans in use (Go's HeapInuse)
  std::uint64_t size_class_words(std::uint64_t n) const;        // the slot an object of n words gets

 private:
  struct Span {
    Word base = 0;
    std::uint32_t pages = 0;
    std::uint32_t size_class = 0;   // index into the class table; kLarge for a large object
    std::uint64_t elem_words = 0;
    std::uint32_t nelems = 0;
    std::uint32_t allocated = 0;
    std::uint32_t free_index = 0;   // no free object below it
    bool in_use = false;
    bool partial = false;           // listed in partial_ (has a free object)
    std::vector<std::uint64_t> alloc, marks, noscan;
    std::vector<std::uint64_t> bytes;  // per object: Go's size of what it holds
  };
  static constexpr std::uint32_t kLarge = UINT32_MAX;

  static bool bit(const std::vector<std::uint64_t>& v, std::uint32_t i) { return (v[i >> 6] >> (i & 63)) & 1; }
  static void set(std::vector<std::uint64_t>& v, std::uint32_t i, bool on) {
    if (on) v[i >> 6] |= std::uint64_t{1} << (i & 63);
    else v[i >> 6] &= ~(std::uint64_t{1} << (i & 63));
  }
  // `n` free pages (the lowest run that fits, else new ones at the top); nullopt past `limit`.
  std::optional<std::uint64_t> take_pages(std::uint64_t n, Word limit);
  void give_pages(std::uint64_t page, std::uint64_t n);
  std::uint32_t new_span(std::uint64_t page, std::uint32_t pages, std::uint32_t size_class, std::uint64_t elem_words);

  Word first_ = 1;
  std::uint64_t pages_ = 0;                        // pages below end()
  std::vector<Span> spans_;
  std::vector<std::uint32_t> free_spans_;          // ids of spans not in use
  std::vector<std::uint32_t> page_span_;           // per page, its span id + 1 (0: free)
  std::vector<std::uint8_t> page_dirty_;           // per page: an object in it was freed once
  std::vector<std::vector<std::uint32_t>> partial_;  // per class, spans with a free object (mcentral's partial)
  std::map<std::uint64_t, std::uint64_t> free_pages_;  // first page -> pages, coalesced
  std::uint64_t live_objects_ = 0;
  std::uint64_t live_words_ = 0;
  std::uint64_t live_bytes_ = 0;
  std::uint64_t span_pages_ = 0;
};

}  // namespace gb::vm
