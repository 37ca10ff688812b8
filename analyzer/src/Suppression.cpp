#include <akslint/analyzer/Suppression.h>

#include "SuppressionText.h"

#include <akslint/model/LineIndex.h>
#include <akslint/model/Parallel.h>
#include <akslint/model/TextSearch.h>
#include <akslint/model/Value.h>

#include <fmt/format.h>

#include <cctype>
#include <limits>
#include <set>

namespace akslint {

namespace {

using suppression::Comment;

constexpr std::uint32_t kNoRow = std::numeric_limits<std::uint32_t>::max();

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_rule_id(std::string_view token) {
  if (token.size() < 4 || !iequals(token.substr(0, 3), "AKS")) return false;
  return token.substr(3).find_first_not_of("0123456789") == std::string_view::npos;
}

// Splits "AKS201, AKS202: reason" (or "... -- reason"; after a Bicep directive, "... // reason")
// into rules and reason.
void parse_rules_and_reason(std::string_view rest, bool directive, Suppression& s) {
  std::size_t i = 0;
  for (;;) {
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == ',')) ++i;
    if (i >= rest.size() || !std::isalpha(static_cast<unsigned char>(rest[i]))) break;
    const std::size_t begin = i;
    while (i < rest.size() && is_word_char(rest[i])) ++i;
    s.rules.emplace_back(rest.substr(begin, i - begin));
  }
  const std::string_view tail = rest.substr(std::min(i, rest.size()));
  for (const std::string_view separator : {":", "--", "//"}) {
    if (tail.starts_with(separator) && (separator != "//" || directive)) {
      s.reason = std::string(trim(tail.substr(separator.size())));
      return;
    }
  }
}

// `akslint-ignore[-file] RULES: reason`, or Bicep's `#disable-next-line RULES`.
std::optional<Suppression> parse_comment(const Comment& c) {
  std::string_view body = trim(c.body);
  Suppression s;
  std::string_view keyword;
  if (c.directive) {
    keyword = "disable-next-line";
  } else if (body.starts_with("akslint-ignore-file")) {
    keyword = "akslint-ignore-file";
    s.scope = SuppressionScope::File;
  } else {
    keyword = "akslint-ignore";
  }
  if (!body.starts_with(keyword)) return std::nullopt;
  std::string_view rest = body.substr(keyword.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t' && rest.front() != ':') return std::nullopt;
  if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);  // `akslint-ignore: AKS201 -- reason`
  parse_rules_and_reason(rest, c.directive, s);
  if (c.directive) std::erase_if(s.rules, [](const std::string& r) { return !is_rule_id(r); });  // others are Bicep's
  if (c.directive && s.rules.empty()) return std::nullopt;
  s.text = c.directive ? "#" + std::string(body) : std::string(body);
  return s;
}

// The first row after `row` holding something other than blanks and comments.
std::uint32_t next_code_row(const LineIndex& lines, std::uint32_t row, const std::set<std::uint32_t>& comment_rows) {
  for (std::uint32_t r = row + 1; r < lines.rows(); ++r) {
    if (!trim(lines.line(r)).empty() && !comment_rows.contains(r)) return r;
  }
  return kNoRow;
}

}  // namespace

std::vector<Suppression> find_suppressions(const SourceFile& file, FileId id) {
  // Not even searched when the format has no comments: a plan's text is not resident whole.
  if (!suppression::has_comments(file.format)) return {};
  const std::string_view text = file.text;
  // Each search reads the whole text: the directive's only where the format has directives.
  if (!contains_text(text, "akslint-ignore") &&
      !(suppression::has_directives(file.format) && contains_text(text, "#disable-next-line"))) {
    return {};
  }
  const LineIndex lines(text);
  const auto comments = suppression::scan_comments(text, file.format);
  std::set<std::uint32_t> comment_rows;  // rows holding nothing but a comment
  for (const Comment& c : comments) {
    if (!c.own_line) continue;
    for (std::uint32_t r = lines.point(c.begin).row; r <= lines.point(c.end).row; ++r) comment_rows.insert(r);
  }
  std::vector<Suppression> out;
  for (const Comment& c : comments) {
    auto s = parse_comment(c);
    if (!s) continue;
    s->span = {id, c.begin, c.end};
    if (s->scope == SuppressionScope::Line) {
      s->row = c.own_line ? next_code_row(lines, lines.point(c.end).row, comment_rows) : lines.point(c.begin).row;
    }
    out.push_back(std::move(*s));
  }
  if (file.format == FileFormat::ArmTemplate) {
    auto metadata = suppression::metadata_suppressions(text, id);
    out.insert(out.end(), std::make_move_iterator(metadata.begin()), std::make_move_iterator(metadata.end()));
  }
  return out;
}

bool glob_match(std::string_view glob, std::string_view path) {
  if (glob.empty()) return path.empty();
  if (glob.starts_with("**/")) {  // zero or more whole segments
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if ((i == 0 || path[i - 1] == '/') && glob_match(glob.substr(3), path.substr(i))) return true;
    }
    return false;
  }
  if (glob.starts_with("**")) {  // anything, across segments
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(glob.substr(2), path.substr(i))) return true;
    }
    return false;
  }
  if (glob.front() == '*') {
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(glob.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') break;
    }
    return false;
  }
  if (path.empty()) return false;
  if (glob.front() == '?' ? path.front() != '/' : glob.front() == path.front()) {
    return glob_match(glob.substr(1), path.substr(1));
  }
  return false;
}

namespace {

bool names(std::string_view token, const RuleMetadata& rule) { return iequals(token, rule.id) || token == rule.slug; }

const RuleMetadata* rule_named(const Report& report, std::string_view token) {
  for (const RuleMetadata* rule : report.rules) {
    if (names(token, *rule)) return rule;
  }
  return nullptr;
}

// Whether `span`, in the suppression's file, starts on the suppression's row.
bool starts_on(const SourceSpan& span, const Suppression& s, const Report& report) {
  return span.file == s.span.file && span.file < report.files.size() && report.files.start(span).row == s.row;
}

bool covers(const Suppression& s, const Finding& f, const Report& report) {
  const FileId file = s.span.file;
  switch (s.scope) {
    case SuppressionScope::Line:
      return starts_on(f.primary, s, report) || starts_on(f.resource.declaration, s, report) ||
             starts_on(f.resource.header, s, report);
    case SuppressionScope::Resource:
      return f.resource.declaration.file == file && f.resource.declaration.begin_byte == s.resource_begin_byte;
    case SuppressionScope::File: return f.primary.file == file;
    case SuppressionScope::Pattern: {
      const std::string path = f.primary.file < report.files.size() ? report.files[f.primary.file].path : "";
      return (s.path_glob.empty() || glob_match(s.path_glob, path)) &&
             (s.address_glob.empty() || glob_match(s.address_glob, f.resource.fully_qualified_name));
    }
  }
  return false;
}

bool is_meta(const Finding& f) {
  return f.rule->id == kUnusedSuppressionRule || f.rule->id == kSuppressionWithoutReasonRule;
}

Finding meta_finding(const RuleMetadata& rule, const Suppression& s, const Report& report, std::string message,
                     std::string_view token) {
  Finding f;
  f.rule = &rule;
  f.level = rule.level;
  f.message = std::move(message);
  f.primary = s.span;
  // Identity without position: the file and the directive's text, so it survives line moves.
  f.resource.fully_qualified_name = s.span.file < report.files.size() ? report.files[s.span.file].path : "";
  f.offending_value = fmt::format("{}#{}", s.text, token);
  return f;
}

// AKS901 for each rule a suppression names that nothing matched; AKS902 when it has no reason.
void report_problems(Report& report, const std::vector<Suppression>& all, const std::vector<std::vector<bool>>& used,
                     const std::function<bool(const RuleMetadata&)>& active) {
  const RuleMetadata* unused = rule_named(report, kUnusedSuppressionRule);
  const RuleMetadata* no_reason = rule_named(report, kSuppressionWithoutReasonRule);
  std::vector<Finding> found;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Suppression& s = all[i];
    if (s.kind != SuppressionKind::InSource) continue;  // configuration is checked when it is read
    for (std::size_t t = 0; t < s.rules.size() && unused != nullptr; ++t) {
      if (used[i][t]) continue;
      const RuleMetadata* named = rule_named(report, s.rules[t]);
      if (named != nullptr && !active(*named)) continue;  // the rule did not run: nothing could match
      found.push_back(meta_finding(
          *unused, s, report,
          named == nullptr
              ? fmt::format("'{}' in this suppression names no akslint rule; remove it or fix the name", s.rules[t])
              : fmt::format("This suppression of {} matches no finding; remove it", named->id),
          s.rules[t]));
    }
    if (s.rules.empty() && unused != nullptr) {
      found.push_back(meta_finding(*unused, s, report, "This suppression names no rule; name the rules it is for", ""));
    }
    if (s.reason.empty() && no_reason != nullptr) {
      found.push_back(meta_finding(*no_reason, s, report,
                                   "This suppression gives no reason; say why after a colon "
                                   "(akslint-ignore AKS201: reason)",
                                   ""));
    }
  }
  for (auto& f : found) report.findings.push_back(std::move(f));
}

}  // namespace

void apply_suppressions(Report& report, const std::vector<Suppression>& external,
                        const std::function<bool(const RuleMetadata&)>& active, unsigned jobs) {
  std::vector<std::vector<Suppression>> found(report.files.size());
  parallel_for(found.size(), jobs, [&](std::size_t i) {
    const auto id = static_cast<FileId>(i);
    found[i] = find_suppressions(report.files[id], id);
  });
  std::vector<Suppression> all = external;
  for (auto& in_file : found) {
    all.insert(all.end(), std::make_move_iterator(in_file.begin()), std::make_move_iterator(in_file.end()));
  }
  std::vector<std::vector<bool>> used;
  for (const Suppression& s : all) used.emplace_back(s.rules.size(), false);
  for (Finding& f : report.findings) {
    if (is_meta(f)) continue;  // a suppression problem cannot itself be suppressed
    for (std::size_t i = 0; i < all.size(); ++i) {
      bool applies = false;
      for (std::size_t t = 0; t < all[i].rules.size(); ++t) {
        if (names(all[i].rules[t], *f.rule) && covers(all[i], f, report)) used[i][t] = applies = true;
      }
      if (applies) f.suppressions.push_back({all[i].kind, all[i].reason});
    }
  }
  report_problems(report, all, used, active);
}

}  // namespace akslint
