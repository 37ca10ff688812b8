// Terraform plan JSON (`terraform show -json`). Plans of hundreds of MB are normal, so the
// plan is walked with a pull reader: the top-level members are located first, then read in
// the order the lowering needs (changes before the values they mark unknown), and only
// resources the canonical model maps are ever built into values.
#include "Frontends.h"
#include "json/JsonScanner.h"
#include "plan/PlanConfiguration.h"
#include "plan/PlanValues.h"
#include "terraform/AzurermMapping.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace akslint {

namespace {

// Types the canonical model keeps; everything else in a plan is skipped unread.
bool kept_type(std::string_view type) {
  return terraform::has_canonical_form(type);
}

ChangeAction to_action(const std::vector<std::string>& actions) {
  const auto has = [&](std::string_view a) { return std::find(actions.begin(), actions.end(), a) != actions.end(); };
  if (has("create") && has("delete")) return ChangeAction::Replace;
  if (has("create")) return ChangeAction::Create;
  if (has("delete")) return ChangeAction::Delete;
  if (has("update")) return ChangeAction::Update;
  if (has("read")) return ChangeAction::Read;
  if (has("forget")) return ChangeAction::Forget;
  return ChangeAction::NoOp;
}

bool has_before(ChangeAction a) {
  return a == ChangeAction::Update || a == ChangeAction::Replace || a == ChangeAction::Delete ||
         a == ChangeAction::Forget;
}

bool has_after(ChangeAction a) {
  return a != ChangeAction::NoOp && a != ChangeAction::Delete && a != ChangeAction::Forget;
}

// One entry of `resource_changes`, as far as lowering needs it.
struct RawChange {
  ChangeAction action = ChangeAction::NoOp;
  Value before;  // Terraform attributes, kept only when the resource existed and changes
  Value after_unknown;
  Value replace_paths;
};

// A resource instance of planned_values or prior_state.
struct RawResource {
  std::string address;
  std::string type;
  std::string mode;
  Value values;
  SourceSpan span;
  SourceSpan header_span;
};

// References of one resource waiting for every address of the plan to be known.
struct PendingReference {
  std::size_t resource;
  ReferenceKind kind;
  std::string from_path;
  SourceSpan span;
  const Value* expression;  // into the configuration; null for depends_on
  std::string dependency;
  std::vector<plan::AddressStep> where;
};

class PlanReader {
 public:
  PlanReader(const SourceFile& file, FileId id) : text_(file.text), id_(id), scanner_(file.text, id) {}

  UnitModel read() {
    if (!index_sections()) return finish();
    check_format_version();
    read_configuration();
    if (seek("resource_changes")) scanner_.elements([&] { read_change(); });
    if (seek("planned_values")) {
      scanner_.members([&](std::string_view key) {
        if (key == "root_module") read_module(false);
        else scanner_.skip();
      });
    }
    if (seek("prior_state")) {
      scanner_.members([&](std::string_view key) {
        if (key != "values") return scanner_.skip();
        scanner_.members([&](std::string_view inner) {
          if (inner == "root_module") read_module(true);
          else scanner_.skip();
        });
      });
    }
    resolve_references();
    return finish();
  }

 private:
  struct Section {
    std::uint32_t offset;
    SourceSpan key_span;
  };

  UnitModel finish() {
    if (const auto& error = scanner_.error()) {
      out_.resources.clear();  // a plan that does not parse is not analysed, not half-analysed
      out_.diagnostics.push_back(*error);
      out_.diagnostics.back().message += "; the plan was not analysed";
    }
    return std::move(out_);
  }

  bool index_sections() {
    if (text_.size() >= std::numeric_limits<std::uint32_t>::max()) {
      out_.diagnostics.push_back({DiagnosticLevel::Error, "file-too-large",
                                  "the plan is 4 GiB or larger, beyond what spans address; it was not analysed", id_,
                                  {}});
      return false;
    }
    if (scanner_.peek() != '{') {
      if (!scanner_.failed()) scanner_.fail("a plan is a JSON object");
      return false;
    }
    const std::uint32_t open = scanner_.next_offset();
    top_ = scanner_.span(open, open + 1);
    scanner_.members([&](std::string_view key) {
      sections_[std::string(key)] = {scanner_.next_offset(), scanner_.key_span()};
      scanner_.skip();
    });
    if (!scanner_.failed() && !scanner_.at_end()) scanner_.fail("unexpected text after the plan");
    return !scanner_.failed();
  }

  bool seek(std::string_view section) {
    const auto it = sections_.find(section);
    if (it == sections_.end() || scanner_.failed()) return false;
    scanner_.seek(it->second.offset);
    return true;
  }

  void check_format_version() {
    std::string version;
    SourceSpan at = top_;
    if (seek("format_version")) {
      const Value v = scanner_.value();
      at = v.span();
      if (const auto s = v.as_string()) version = std::string(*s);
    }
    if (version.starts_with("1.")) return;
    out_.diagnostics.push_back(
        {DiagnosticLevel::Warning, "plan-format-version",
         version.empty() ? std::string("the plan has no format_version; it was read as format 1.x")
                         : fmt::format("plan format_version '{}' is not 1.x; it was read as 1.x and values may be missed",
                                       version),
         id_, at});
  }

  void read_configuration() {
    Value configuration = Value::object();
    Value variables = Value::object();
    if (seek("configuration")) configuration = scanner_.value();
    if (seek("variables")) variables = scanner_.value();
    config_ = plan::PlanConfiguration(std::move(configuration), std::move(variables));
  }

  void read_change() {
    std::string address;
    std::string type;
    RawChange change;
    scanner_.members([&](std::string_view key) {
      if (key == "address") {
        address = scanner_.string().value_or("");
      } else if (key == "type") {
        type = scanner_.string().value_or("");
      } else if (key == "change" && kept_type(type)) {
        read_change_body(change);
      } else {
        scanner_.skip();
      }
    });
    if (!address.empty() && kept_type(type)) changes_[address] = std::move(change);
  }

  void read_change_body(RawChange& change) {
    scanner_.members([&](std::string_view key) {
      if (key == "actions") {
        std::vector<std::string> actions;
        scanner_.elements([&] {
          if (auto a = scanner_.string()) actions.push_back(std::move(*a));
        });
        change.action = to_action(actions);
      } else if (key == "before" && has_before(change.action)) {
        change.before = scanner_.value();
      } else if (key == "after_unknown") {
        change.after_unknown = scanner_.value();
      } else if (key == "replace_paths") {
        change.replace_paths = scanner_.value();
      } else {
        scanner_.skip();  // `after` is the planned value, read from planned_values
      }
    });
  }

  void read_module(bool prior_state) {
    scanner_.members([&](std::string_view key) {
      if (key == "resources") {
        scanner_.elements([&] { read_resource(prior_state); });
      } else if (key == "child_modules") {
        scanner_.elements([&] { read_module(prior_state); });
      } else {
        scanner_.skip();
      }
    });
  }

  // Prior state adds what the planned state lacks: data sources read while planning. A
  // resource the plan deletes is gone after apply and is not part of the model.
  bool wanted(const RawResource& r, bool prior_state) const {
    if (!kept_type(r.type)) return false;
    if (!prior_state) return true;
    if (planned_.contains(r.address)) return false;
    const auto change = changes_.find(r.address);
    return change == changes_.end() || change->second.action != ChangeAction::Delete;
  }

  void read_resource(bool prior_state) {
    RawResource r;
    const std::uint32_t begin = scanner_.next_offset();
    bool has_values = false;
    scanner_.members([&](std::string_view key) {
      if (key == "address") {
        const std::uint32_t at = scanner_.next_offset();
        r.address = scanner_.string().value_or("");
        r.header_span = scanner_.span(at, scanner_.offset());
      } else if (key == "type") {
        r.type = scanner_.string().value_or("");
      } else if (key == "mode") {
        r.mode = scanner_.string().value_or("");
      } else if (key == "values" && (r.type.empty() || wanted(r, prior_state))) {
        r.values = scanner_.value();
        has_values = true;
      } else {
        scanner_.skip();
      }
    });
    r.span = scanner_.span(begin, scanner_.offset());
    if (!has_values || r.address.empty() || !wanted(r, prior_state)) return;
    if (!prior_state) planned_.insert(r.address);
    lower(std::move(r), prior_state);
  }

  void lower(RawResource r, bool prior_state) {
    const auto change = changes_.find(r.address);
    RawChange* raw_change = change != changes_.end() ? &change->second : nullptr;
    if (raw_change != nullptr && !prior_state) plan::overlay_unknown(r.values, raw_change->after_unknown);
    const terraform::TerraformResource tf{r.type,        r.address,     &r.values, SourceKind::TerraformPlan, id_,
                                          r.span,        r.header_span, r.mode == "data"};
    auto resource = terraform::to_canonical(tf);
    if (!resource) return;
    const auto parts = plan::parse_resource_address(r.address);
    const Value* config = parts ? config_.resource(*parts) : nullptr;
    if (config != nullptr && resource->scope.subscription.is_null()) {
      resource->scope.subscription = config_.subscription(*config);
    }
    if (raw_change != nullptr && !prior_state) {
      resource->change = std::make_shared<const PlannedChange>(planned_change(*raw_change, *resource, r.values, tf));
      // Only the action is asked for again (by prior state); the values can go.
      *raw_change = RawChange{raw_change->action, {}, {}, {}};
    }
    if (config != nullptr) queue_references(*resource, *config, r.values, parts->modules);
    index_.add(r.address);
    out_.resources.push_back(std::move(*resource));
  }

  PlannedChange planned_change(const RawChange& raw, const Resource& resource, const Value& values,
                               const terraform::TerraformResource& tf) const {
    PlannedChange change;
    change.action = raw.action;
    std::optional<Resource> before;
    if (raw.before.is_object()) {
      terraform::TerraformResource old = tf;
      old.attributes = &raw.before;
      old.span = old.header_span = raw.before.span();
      before = terraform::to_canonical(old);
      if (before) change.before = plan::change_document(*before);
    }
    if (has_after(raw.action)) change.after = plan::change_document(resource);
    if (const auto* paths = raw.replace_paths.as_array()) {
      for (const Value& steps : *paths) {
        const std::string tf_path = plan::path_text(steps);
        std::string canonical = plan::canonical_path(resource, tf_path, values.at(tf_path));
        if (canonical.empty() && before) canonical = plan::canonical_path(*before, tf_path, raw.before.at(tf_path));
        change.replace_paths.push_back({std::move(canonical), tf_path});
      }
    }
    return change;
  }

  void queue_references(const Resource& resource, const Value& config, const Value& values,
                        const std::vector<plan::AddressStep>& where) {
    const std::size_t index = out_.resources.size();
    for (const auto& e : plan::PlanConfiguration::expressions(config)) {
      const Value* raw = values.at(e.path);
      std::string path = plan::canonical_path(resource, e.path, raw);
      const ReferenceKind kind = path == "@parent" ? ReferenceKind::Parent : ReferenceKind::Reference;
      if (path.starts_with('@')) path.erase(0, 1);  // "@resourceGroup" -> "resourceGroup", as Terraform source says
      const SourceSpan span = raw != nullptr && raw->span().valid() ? raw->span() : resource.origin.header_span;
      pending_.push_back({index, kind, std::move(path), span, e.expression, {}, where});
    }
    if (const Value* depends = config.find("depends_on"); depends != nullptr && depends->as_array() != nullptr) {
      for (const Value& d : *depends->as_array()) {
        if (const auto target = d.as_string()) {
          pending_.push_back({index, ReferenceKind::DependsOn, "", resource.origin.header_span, nullptr,
                              std::string(*target), where});
        }
      }
    }
  }

  void resolve_references() {
    for (const PendingReference& p : pending_) {
      std::set<std::string> targets;
      if (p.expression != nullptr) config_.resolve(*p.expression, p.where, index_, targets);
      else config_.resolve_dependency(p.dependency, p.where, index_, targets);
      Resource& r = out_.resources[p.resource];
      for (const auto& target : targets) {
        if (target != r.origin.address) r.references.push_back({p.kind, target, p.from_path, p.span});
      }
    }
  }

  std::string_view text_;
  FileId id_;
  JsonScanner scanner_;
  SourceSpan top_;
  std::map<std::string, Section, std::less<>> sections_;
  std::map<std::string, RawChange, std::less<>> changes_;
  std::set<std::string, std::less<>> planned_;
  plan::PlanConfiguration config_;
  plan::AddressIndex index_;
  std::vector<PendingReference> pending_;
  UnitModel out_;
};

}  // namespace

UnitModel read_terraform_plan(const DeploymentUnit& unit, const FileTable& files) {
  const FileId id = unit.files.front();
  return PlanReader(files[id], id).read();
}

}  // namespace akslint
