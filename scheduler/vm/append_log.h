// A log that only grows (the bus transactions and run slices a machine records), shared between copies: full
// chunks are frozen behind shared pointers, so copying a machine to make a checkpoint copies a list of pointers
// and the short open tail, not the whole history. Entries stay writable: writing a frozen chunk that another
// copy shares first gives this copy its own chunk (copy on write).
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace gb::vm {

template <class T>
class AppendLog {
 public:
  static constexpr std::size_t kChunk = 4096;

  std::size_t size() const { return full_.size() * kChunk + tail_.size(); }
  bool empty() const { return size() == 0; }
  const T& operator[](std::size_t i) const {
    const std::size_t c = i / kChunk;
    return c < full_.size() ? (*full_[c])[i % kChunk] : tail_[i - full_.size() * kChunk];
  }
  const T& back() const { return (*this)[size() - 1]; }
  // A writable entry (a run slice that is still growing).
  T& at_mut(std::size_t i) {
    const std::size_t c = i / kChunk;
    if (c >= full_.size()) return tail_[i - full_.size() * kChunk];
    std::shared_ptr<std::vector<T>>& chunk = full_[c];
    if (chunk.use_count() > 1) chunk = std::make_shared<std::vector<T>>(*chunk);
    return (*chunk)[i % kChunk];
  }
  void push_back(T v) {
    tail_.push_back(std::move(v));
    if (tail_.size() == kChunk) {
      full_.push_back(std::make_shared<std::vector<T>>(std::move(tail_)));
      tail_ = {};
      tail_.reserve(kChunk);
    }
  }
  // What a copy of this log costs beyond the chunks it shares: the open tail and the chunk pointers.
  std::size_t own_bytes() const { return tail_.capacity() * sizeof(T) + full_.size() * sizeof(full_[0]); }
  void clear() {
    full_.clear();
    tail_.clear();
  }

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator(const AppendLog* log, std::size_t i) : log_(log), i_(i) {}
    reference operator*() const { return (*log_)[i_]; }
    pointer operator->() const { return &(*log_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator t = *this;
      ++i_;
      return t;
    }
    const_iterator& operator--() {
      --i_;
      return *this;
    }
    const_iterator& operator+=(difference_type n) {
      i_ = static_cast<std::size_t>(static_cast<difference_type>(i_) + n);
      return *this;
    }
    const_iterator operator+(difference_type n) const {
      const_iterator t = *this;
      t += n;
      return t;
    }
    const_iterator operator-(difference_type n) const { return *this + (-n); }
    difference_type operator-(const const_iterator& o) const {
      return static_cast<difference_type>(i_) - static_cast<difference_type>(o.i_);
    }
    reference operator[](difference_type n) const { return *(*this + n); }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }
    bool operator<(const const_iterator& o) const { return i_ < o.i_; }

   private:
    const AppendLog* log_;
    std::size_t i_;
  };
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size()); }

 private:
  std::vector<std::shared_ptr<std::vector<T>>> full_;
  std::vector<T> tail_;
};

}  // namespace gb::vm
