#include <akslint/sarif/Emitters.h>

#include <fmt/format.h>

namespace akslint {

std::string logical_fingerprint(const Finding& finding) {
  // FNV-1a over the identity fields, each terminated so that boundaries cannot shift.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&](std::string_view s) {
    for (const char c : s) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xFF;
    hash *= 0x100000001b3ULL;
  };
  mix(finding.rule->id);
  mix(finding.resource.type);
  mix(finding.resource.fully_qualified_name);
  mix(finding.attribute_path);
  mix(finding.offending_value);
  return fmt::format("{:016x}", hash);
}

}  // namespace akslint
