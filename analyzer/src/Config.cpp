#include <akslint/analyzer/Config.h>

#include "ConfigYaml.h"

#include <akslint/model/Value.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace akslint {

namespace {

using config::YamlNode;

bool has_tag(const RuleMetadata& rule, std::string_view tag) {
  return std::any_of(rule.tags.begin(), rule.tags.end(), [&](std::string_view t) { return t == tag; });
}

// 2 when the selector names the rule itself, 1 when it names one of its tags, 0 otherwise.
// A rule's id or slug beats a tag, and a tag or `all` loses to both.
int specificity(std::string_view selector, const RuleMetadata& rule) {
  if (iequals(selector, rule.id) || selector == rule.slug) return 2;
  if (selector == "all") return 1;
  return has_tag(rule, selector) ? 1 : 0;
}

int best(const std::vector<RuleSelector>& selectors, const RuleMetadata& rule) {
  int out = 0;
  for (const auto& s : selectors) out = std::max(out, specificity(s.text, rule));
  return out;
}

const RuleMetadata* rule_by_name(std::span<const RuleMetadata* const> rules, std::string_view name) {
  for (const RuleMetadata* r : rules) {
    if (specificity(name, *r) == 2) return r;
  }
  return nullptr;
}

bool valid_option_value(OptionKind kind, std::string_view text) {
  switch (kind) {
    case OptionKind::Integer: {
      long long v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      return ec == std::errc() && end == text.data() + text.size();
    }
    case OptionKind::Number: {
      double v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      return ec == std::errc() && end == text.data() + text.size();
    }
    case OptionKind::Boolean: return text == "true" || text == "false";
    case OptionKind::String: return true;
  }
  return false;
}

std::string_view kind_word(OptionKind kind) {
  switch (kind) {
    case OptionKind::Integer: return "an integer";
    case OptionKind::Number: return "a number";
    case OptionKind::Boolean: return "true or false";
    case OptionKind::String: return "a string";
  }
  return "a string";
}

class ConfigReader {
 public:
  ConfigReader(const std::filesystem::path& file, std::span<const RuleMetadata* const> rules)
      : file_(file.generic_string()), rules_(rules) {
    result_.config.source = file;
  }

  ConfigResult read(std::string_view text) {
    auto yaml = config::parse_yaml(text);
    if (yaml.error) {
      error(yaml.error->line, yaml.error->message);
      return std::move(result_);
    }
    const YamlNode& root = *yaml.root;
    if (root.kind == YamlNode::Kind::Null) return std::move(result_);
    if (root.kind != YamlNode::Kind::Map) {
      error(root.line, "the configuration must be a mapping of keys such as enable, disable, levels");
      return std::move(result_);
    }
    for (const auto& [key, value] : root.map) top_level(key, value);
    return std::move(result_);
  }

 private:
  void error(std::uint32_t line, std::string message) {
    result_.errors.push_back({file_, line, std::move(message)});
  }

  void top_level(const std::string& key, const YamlNode& value) {
    if (key == "enable") return selectors(value, key, result_.config.enable);
    if (key == "disable") return selectors(value, key, result_.config.disable);
    if (key == "levels") return levels(value);
    if (key == "options") return options(value);
    if (key == "exclude") return excludes(value);
    if (key == "suppress") return suppressions(value);
    if (key == "var-files") return paths(value, key, result_.config.var_files);
    if (key == "vars") return vars(value);
    if (key == "parameters") return paths(value, key, result_.config.parameter_files);
    error(value.line, fmt::format("unknown key '{}'; the keys are enable, disable, levels, options, exclude, "
                                  "suppress, var-files, vars, parameters",
                                  key));
  }

  // A list of scalars; a single scalar is taken as a list of one.
  std::vector<const YamlNode*> scalars(const YamlNode& value, std::string_view what) {
    std::vector<const YamlNode*> out;
    if (value.kind == YamlNode::Kind::Null) return out;
    if (value.kind == YamlNode::Kind::Scalar) return {&value};
    if (value.kind != YamlNode::Kind::Seq) {
      error(value.line, fmt::format("{} must be a list", what));
      return out;
    }
    for (const YamlNode& item : value.seq) {
      if (item.kind == YamlNode::Kind::Scalar) {
        out.push_back(&item);
      } else {
        error(item.line, fmt::format("each item of {} must be a single value", what));
      }
    }
    return out;
  }

  bool known_selector(std::string_view text) const {
    return std::any_of(rules_.begin(), rules_.end(), [&](const RuleMetadata* r) { return specificity(text, *r) > 0; });
  }

  void selectors(const YamlNode& value, std::string_view what, std::vector<RuleSelector>& out) {
    for (const YamlNode* item : scalars(value, what)) {
      if (!known_selector(item->scalar)) {
        error(item->line, fmt::format("'{}' is not a rule id, rule name or tag; `akslint rules` lists them",
                                      item->scalar));
        continue;
      }
      out.push_back({item->scalar, item->line});
    }
  }

  void levels(const YamlNode& value) {
    if (value.kind == YamlNode::Kind::Null) return;
    if (value.kind != YamlNode::Kind::Map) return error(value.line, "levels must map rules to error, warning, note or none");
    for (const auto& [selector, level] : value.map) {
      const auto parsed = level.kind == YamlNode::Kind::Scalar ? parse_level(level.scalar) : std::nullopt;
      if (!parsed) {
        error(level.line, fmt::format("the level of '{}' must be error, warning, note or none", selector));
        continue;
      }
      if (!known_selector(selector)) {
        error(level.line, fmt::format("'{}' is not a rule id, rule name or tag", selector));
        continue;
      }
      // Tags first, then rules named themselves, so the specific setting wins whatever the order.
      for (const int pass : {1, 2}) {
        for (const RuleMetadata* r : rules_) {
          if (specificity(selector, *r) == pass) result_.config.levels[std::string(r->id)] = *parsed;
        }
      }
    }
  }

  void options(const YamlNode& value) {
    if (value.kind == YamlNode::Kind::Null) return;
    if (value.kind != YamlNode::Kind::Map) return error(value.line, "options must map <rule>.<option> to a value");
    for (const auto& [key, option_value] : value.map) {
      const auto dot = key.find('.');
      const RuleMetadata* rule = dot == std::string::npos ? nullptr : rule_by_name(rules_, key.substr(0, dot));
      if (rule == nullptr) {
        error(option_value.line, fmt::format("'{}' must be <rule id or name>.<option>, for a rule akslint has", key));
        continue;
      }
      const std::string name = key.substr(dot + 1);
      const auto declared = std::find_if(rule->options.begin(), rule->options.end(),
                                         [&](const RuleOption& o) { return o.name == name; });
      if (declared == rule->options.end()) {
        error(option_value.line, fmt::format("{} has no option '{}'{}", rule->id, name,
                                             rule->options.empty() ? "; it takes none" : ""));
        continue;
      }
      if (option_value.kind != YamlNode::Kind::Scalar || !valid_option_value(declared->kind, option_value.scalar)) {
        error(option_value.line, fmt::format("{}.{} must be {}", rule->id, name, kind_word(declared->kind)));
        continue;
      }
      result_.config.options[std::string(rule->id)][name] = option_value.scalar;
    }
  }

  void excludes(const YamlNode& value) {
    for (const YamlNode* item : scalars(value, "exclude")) result_.config.exclude.push_back(item->scalar);
  }

  void paths(const YamlNode& value, std::string_view what, std::vector<std::string>& out) {
    for (const YamlNode* item : scalars(value, what)) out.push_back(item->scalar);
  }

  // Terraform variables by name, as `--var NAME=VALUE`: a list or object is written as JSON.
  void vars(const YamlNode& value) {
    if (value.kind == YamlNode::Kind::Null) return;
    if (value.kind != YamlNode::Kind::Map) return error(value.line, "vars must map variable names to values");
    for (const config::YamlEntry& e : value.map) {
      if (e.value.kind != YamlNode::Kind::Scalar) {
        error(e.value.line, fmt::format("vars.{} must be one value (write a list or object as JSON text)", e.key));
        continue;
      }
      result_.config.vars[e.key] = e.value.scalar;
    }
  }

  void suppressions(const YamlNode& value) {
    if (value.kind == YamlNode::Kind::Null) return;
    if (value.kind != YamlNode::Kind::Seq) return error(value.line, "suppress must be a list of {rule, path, address, reason}");
    for (const YamlNode& item : value.seq) {
      if (item.kind != YamlNode::Kind::Map) {
        error(item.line, "each suppression must be a mapping with rule, reason and path or address");
        continue;
      }
      suppression(item);
    }
  }

  void suppression(const YamlNode& item) {
    Suppression s;
    s.scope = SuppressionScope::Pattern;
    s.kind = SuppressionKind::External;
    s.text = fmt::format("{}:{}", file_, item.line);
    for (const auto& [key, value] : item.map) {
      if (key == "rule" || key == "rules") {
        for (const YamlNode* r : scalars(value, key)) {
          if (rule_by_name(rules_, r->scalar) == nullptr) {
            error(r->line, fmt::format("'{}' is not a rule id or name", r->scalar));
          }
          s.rules.push_back(r->scalar);
        }
      } else if ((key == "path" || key == "address" || key == "reason") && value.kind == YamlNode::Kind::Scalar) {
        (key == "path" ? s.path_glob : key == "address" ? s.address_glob : s.reason) = value.scalar;
      } else if (key == "path" || key == "address" || key == "reason") {
        error(value.line, fmt::format("{} must be a single value", key));
      } else {
        error(value.line, fmt::format("unknown key '{}' in a suppression; the keys are rule, path, address, reason", key));
      }
    }
    if (s.rules.empty()) error(item.line, "a suppression needs the rule it is for");
    if (s.reason.empty()) error(item.line, "a suppression needs a reason");
    if (s.path_glob.empty() && s.address_glob.empty()) {
      error(item.line, "a suppression needs a path or an address; to turn a rule off everywhere, disable it");
    }
    result_.config.suppress.push_back(std::move(s));
  }

  std::string file_;
  std::span<const RuleMetadata* const> rules_;
  ConfigResult result_;
};

}  // namespace

bool Config::enabled(const RuleMetadata& rule) const {
  const int on = best(enable, rule);
  const int off = best(disable, rule);
  if (off > 0 && off >= on) return false;
  return on > 0 || !rule.opt_in;
}

Level Config::level(const RuleMetadata& rule) const {
  const auto it = levels.find(std::string(rule.id));
  return it != levels.end() ? it->second : rule.level;
}

bool Config::excluded(std::string_view path) const {
  return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& g) {
    // "dir" and "dir/" leave out everything below the directory, as .gitignore does.
    std::string glob = g;
    if (!glob.empty() && glob.back() == '/') glob += "**";
    return glob_match(glob, path) || glob_match(glob + "/**", path);
  });
}

std::string_view Config::option(const RuleMetadata& rule, std::string_view name) const {
  if (const auto r = options.find(std::string(rule.id)); r != options.end()) {
    if (const auto o = r->second.find(std::string(name)); o != r->second.end()) return o->second;
  }
  for (const RuleOption& o : rule.options) {
    if (o.name == name) return o.default_value;
  }
  return {};
}

std::string ConfigError::to_string() const {
  return line == 0 ? fmt::format("{}: {}", file, message) : fmt::format("{}:{}: {}", file, line, message);
}

ConfigResult parse_config(std::string_view text, const std::filesystem::path& file,
                          std::span<const RuleMetadata* const> rules) {
  return ConfigReader(file, rules).read(text);
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& start) {
  std::error_code ec;
  for (auto dir = std::filesystem::absolute(start, ec).lexically_normal(); !dir.empty(); dir = dir.parent_path()) {
    for (const std::string_view name : kConfigFileNames) {
      const auto candidate = dir / name;
      if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
    }
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

}  // namespace akslint
