// Buffered line reading with read(2): the trace parser's hot loop works on string_views into the buffer.
#include "line_reader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gb {

LineReader::LineReader(std::string path, std::size_t buffer_bytes) : path_(std::move(path)), buffer_(buffer_bytes) {
  fd_ = ::open(path_.c_str(), O_RDONLY);
  if (fd_ < 0) {
    error_ = std::strerror(errno);
    return;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) error_ = "is a directory";
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

LineReader::~LineReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool LineReader::refill() {
  if (eof_ || !error_.empty()) return false;
  // Keep the unread tail (a partial line) at the front, then fill the rest.
  const std::size_t tail = end_ - begin_;
  if (tail == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // a line longer than the buffer
  std::memmove(buffer_.data(), buffer_.data() + begin_, tail);
  begin_ = 0;
  end_ = tail;
  for (;;) {
    const ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error_ = std::strerror(errno);
      return false;
    }
    if (n == 0) eof_ = true;
    end_ += static_cast<std::size_t>(n);
    bytes_read_ += static_cast<std::size_t>(n);
    return n > 0;
  }
}

bool LineReader::next(std::string_view& line) {
  if (fd_ < 0 || !error_.empty()) return false;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl != nullptr) {
      const std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
      line = std::string_view(start, len);
      begin_ += len + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_number_;
      return true;
    }
    if (!refill()) {
      if (!error_.empty()) return false;
      if (begin_ == end_) return false;
      line = std::string_view(buffer_.data() + begin_, end_ - begin_);  // a last line with no newline
      begin_ = end_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_number_;
      return true;
    }
  }
}

}  // namespace gb
