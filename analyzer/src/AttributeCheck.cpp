#include <akslint/analyzer/AttributeCheck.h>

#include <fmt/args.h>
#include <fmt/format.h>

namespace akslint {

namespace {

std::string display(const Value& name) {
  if (const auto s = name.as_string()) return std::string(*s);
  if (const auto* expr = name.unknown_expression()) return *expr;
  return "(unnamed)";
}

// A resource or pool under check, with where its paths start and where absence is reported.
struct Subject {
  const Resource* resource = nullptr;
  const Value* root = nullptr;
  std::string root_path;          // canonical path of `root` in the resource ("" = the body)
  const Value* absent_at = nullptr;  // null reports on the resource's header
  std::string name;
};

std::string full_path(const Subject& s, std::string_view path) {
  return s.root_path.empty() ? std::string(path) : s.root_path + "." + std::string(path);
}

bool holds(const Subject& s, const Precondition& condition) {
  const Lookup found = lookup(*s.root, condition.path);
  return found.state == Lookup::State::Present && condition.holds(*found.value);
}

void check_subject(RuleContext& ctx, const AttributeCheck& check, const Subject& s) {
  if (check.when.holds != nullptr && !holds(s, check.when)) return;
  if (check.unless.holds != nullptr && holds(s, check.unless)) return;
  const Lookup found = lookup(*s.root, check.path);
  const bool absent = found.state == Lookup::State::Absent;
  if (found.state == Lookup::State::Unknown) return;
  if (absent ? !check.absent_violates : !check.violates(*found.value)) return;
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  args.push_back(fmt::arg("name", s.name));
  args.push_back(fmt::arg("value", absent ? std::string() : found.value->to_display()));
  const std::string_view text = absent ? check.absent_message : check.message;
  ctx.report(*s.resource, full_path(s, check.path), absent ? s.absent_at : found.value,
             fmt::vformat(text, args));
}

bool is_system(const AgentPool& pool) {
  const Value* mode = pool.field("mode");
  const auto text = mode != nullptr ? mode->as_string() : std::nullopt;
  return text && iequals(*text, "System");
}

class AttributeRule final : public Rule {
 public:
  AttributeRule(const RuleMetadata& meta, const AttributeCheck& check) : meta_(meta), check_(check) {}
  const RuleMetadata& metadata() const override { return meta_; }
  void check(RuleContext& ctx) const override { run_attribute_check(ctx, check_); }

 private:
  const RuleMetadata& meta_;
  const AttributeCheck& check_;
};

}  // namespace

Lookup lookup(const Value& root, std::string_view dotted_path) {
  const Value* cur = &root;
  std::size_t pos = 0;
  while (pos <= dotted_path.size()) {
    if (cur->is_unknown()) return {Lookup::State::Unknown};
    if (pos == dotted_path.size()) break;
    const auto end = std::min(dotted_path.find('.', pos), dotted_path.size());
    cur = cur->find(dotted_path.substr(pos, end - pos));
    if (cur == nullptr) return {Lookup::State::Absent};
    pos = end == dotted_path.size() ? end : end + 1;
  }
  if (cur->is_null()) return {Lookup::State::Absent};
  return {Lookup::State::Present, cur};
}

bool is_true(const Value& v) {
  if (const auto b = v.as_bool()) return *b;
  const auto s = v.as_string();
  return s && iequals(*s, "true");
}

bool is_false(const Value& v) {
  if (const auto b = v.as_bool()) return !*b;
  const auto s = v.as_string();
  return s && iequals(*s, "false");
}

bool string_is_any(const Value& v, std::initializer_list<std::string_view> choices) {
  const auto s = v.as_string();
  if (!s) return false;
  for (const std::string_view c : choices) {
    if (iequals(*s, c)) return true;
  }
  return false;
}

void run_attribute_check(RuleContext& ctx, const AttributeCheck& check) {
  if (check.target == CheckTarget::Cluster) {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& r = ctx.graph().resource(v);
      if (r.existing) continue;
      check_subject(ctx, check, {&r, &r.body, "", nullptr, display(r.name)});
    }
    return;
  }
  for (const AgentPool& pool : ctx.agent_pools()) {
    if (pool.resource->existing) continue;
    if (check.target == CheckTarget::SystemPool && !is_system(pool)) continue;
    const bool inline_profile = pool.profile_path != "properties";
    check_subject(ctx, check,
                  {pool.resource, pool.profile, pool.profile_path, inline_profile ? pool.profile : nullptr, pool.name});
  }
}

std::unique_ptr<Rule> make_attribute_rule(const RuleMetadata& meta, const AttributeCheck& check) {
  return std::make_unique<AttributeRule>(meta, check);
}

}  // namespace akslint
