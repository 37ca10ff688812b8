#include <akslint/sarif/Baseline.h>
#include <akslint/sarif/Emitters.h>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace akslint {

namespace {

using json = nlohmann::json;

std::string string_at(const json& j, const json::json_pointer& p) {
  return j.contains(p) && j.at(p).is_string() ? j.at(p).get<std::string>() : std::string();
}

std::optional<TextRegion> region_of(const json& result) {
  const json::json_pointer p("/locations/0/physicalLocation/region");
  if (!result.contains(p) || !result.at(p).is_object()) return std::nullopt;
  const json& r = result.at(p);
  auto get = [&](const char* key, std::uint32_t fallback) {
    return r.contains(key) && r[key].is_number_unsigned() ? r[key].get<std::uint32_t>() : fallback;
  };
  TextRegion out;
  out.start_line = get("startLine", 1);
  out.start_column = get("startColumn", 1);
  out.end_line = get("endLine", out.start_line);
  out.end_column = get("endColumn", out.start_column);
  return out;
}

}  // namespace

BaselineRead read_baseline(std::string_view sarif) {
  const json log = json::parse(sarif, nullptr, false);
  if (log.is_discarded() || !log.is_object()) return {std::nullopt, "it is not JSON"};
  if (!log.contains("runs") || !log["runs"].is_array()) return {std::nullopt, "it is not a SARIF log (no runs)"};
  Baseline baseline;
  for (const json& run : log["runs"]) {
    if (!run.contains("results") || !run["results"].is_array()) continue;
    for (const json& result : run["results"]) {
      BaselineResult r;
      // '/' in the key is "~1" in a JSON pointer.
      r.fingerprint = string_at(result, json::json_pointer("/partialFingerprints/akslint~1logical~1v1"));
      if (r.fingerprint.empty() || string_at(result, json::json_pointer("/baselineState")) == "absent") continue;
      r.rule_id = string_at(result, json::json_pointer("/ruleId"));
      r.level = string_at(result, json::json_pointer("/level"));
      if (r.level.empty()) r.level = "warning";  // SARIF's default
      r.message = string_at(result, json::json_pointer("/message/text"));
      r.uri = string_at(result, json::json_pointer("/locations/0/physicalLocation/artifactLocation/uri"));
      r.region = region_of(result);
      baseline.results.push_back(std::move(r));
    }
  }
  return {std::move(baseline), {}};
}

std::vector<BaselineResult> compare_with_baseline(Report& report, const Baseline& baseline) {
  std::multimap<std::string, std::size_t> open;  // fingerprint -> unmatched baseline result
  for (std::size_t i = 0; i < baseline.results.size(); ++i) open.emplace(baseline.results[i].fingerprint, i);
  for (Finding& f : report.findings) {
    const auto it = open.find(logical_fingerprint(f));
    if (it == open.end()) {
      f.baseline = BaselineState::New;
      continue;
    }
    const BaselineResult& old = baseline.results[it->second];
    const bool same = old.level == to_string(f.level) && old.message == f.message;
    f.baseline = same ? BaselineState::Unchanged : BaselineState::Updated;
    open.erase(it);
  }
  std::vector<std::size_t> absent;
  for (const auto& [fingerprint, index] : open) absent.push_back(index);
  std::sort(absent.begin(), absent.end());  // baseline order, whatever the map order
  std::vector<BaselineResult> out;
  for (const std::size_t i : absent) out.push_back(baseline.results[i]);
  return out;
}

namespace {

// "b/infra/main.tf" -> "infra/main.tf"; "/dev/null" (a deleted file) -> "".
std::string diff_path(std::string_view header) {
  std::string_view p = header.substr(0, header.find('\t'));
  while (!p.empty() && (p.back() == '\r' || p.back() == ' ')) p.remove_suffix(1);
  if (p == "/dev/null") return {};
  if (p.starts_with("b/")) p.remove_prefix(2);
  return std::string(p);
}

// "@@ -a,b +c,d @@": where the hunk starts in the new file and how many old and new lines it
// spans (a missing count is 1).
struct Hunk {
  std::uint32_t new_line = 0;
  std::uint32_t old_left = 0;
  std::uint32_t new_left = 0;
};

std::optional<Hunk> parse_hunk(std::string_view line) {
  auto number = [&](std::size_t& i) {
    std::uint32_t n = 0;
    for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) n = n * 10 + static_cast<std::uint32_t>(line[i] - '0');
    return n;
  };
  auto range = [&](char sign, std::uint32_t& start, std::uint32_t& count) {
    std::size_t i = line.find(std::string{' ', sign});
    if (i == std::string_view::npos) return false;
    i += 2;
    start = number(i);
    count = 1;
    if (i < line.size() && line[i] == ',') count = number(++i);
    return true;
  };
  Hunk h;
  std::uint32_t old_start = 0;
  if (!range('-', old_start, h.old_left) || !range('+', h.new_line, h.new_left)) return std::nullopt;
  return h;
}

bool same_file(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return a.ends_with(b) && (a.size() == b.size() || a[a.size() - b.size() - 1] == '/');
}

}  // namespace

ChangedLines parse_unified_diff(std::string_view diff) {
  ChangedLines out;
  std::string file;
  Hunk hunk;
  for (std::size_t pos = 0; pos < diff.size();) {
    auto end = diff.find('\n', pos);
    if (end == std::string_view::npos) end = diff.size();
    const std::string_view text = diff.substr(pos, end - pos);
    pos = end + 1;
    if (hunk.old_left == 0 && hunk.new_left == 0) {  // between hunks: headers
      if (text.starts_with("+++ ")) file = diff_path(text.substr(4));
      if (text.starts_with("@@")) hunk = parse_hunk(text).value_or(Hunk{});
      continue;
    }
    const char kind = text.empty() ? ' ' : text.front();
    auto take = [](std::uint32_t& left) { left -= left > 0 ? 1 : 0; };  // a short hunk must not wrap
    if (kind == '+') {
      if (!file.empty()) out[file].insert(hunk.new_line);
      ++hunk.new_line;
      take(hunk.new_left);
    } else if (kind == '-') {
      take(hunk.old_left);
    } else if (kind == ' ') {
      ++hunk.new_line;
      take(hunk.new_left);
      take(hunk.old_left);
    }
    // "\ No newline at end of file" belongs to neither side.
  }
  return out;
}

void keep_changed_lines(Report& report, const ChangedLines& changed) {
  std::erase_if(report.findings, [&](const Finding& f) {
    if (f.primary.file >= report.files.size()) return true;
    const std::string& path = report.files[f.primary.file].path;
    const TextRegion r = text_region(report.files[f.primary.file], f.primary);
    for (const auto& [file, lines] : changed) {
      if (!same_file(file, path)) continue;
      const auto it = lines.lower_bound(r.start_line);
      if (it != lines.end() && *it <= r.end_line) return false;
    }
    return true;
  });
}

}  // namespace akslint
