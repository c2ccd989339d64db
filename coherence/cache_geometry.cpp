// Validation of cache geometry, with messages a user can act on.
#include "cache_geometry.h"

namespace gb {

std::optional<std::string> CacheGeometry::validate() const {
  if (!is_power_of_two(size_bytes)) return "cache size " + std::to_string(size_bytes) + " is not a power of two";
  if (!is_power_of_two(assoc)) return "associativity " + std::to_string(assoc) + " is not a power of two";
  if (!is_power_of_two(block_bytes)) return "block size " + std::to_string(block_bytes) + " is not a power of two";
  if (static_cast<std::uint64_t>(assoc) * block_bytes > size_bytes)
    return "cache of " + std::to_string(size_bytes) + " bytes cannot hold " + std::to_string(assoc) + " ways of " +
           std::to_string(block_bytes) + "-byte blocks";
  if (block_bytes > 4096) return "block size " + std::to_string(block_bytes) + " is larger than 4096 bytes";
  return std::nullopt;
}

}  // namespace gb
