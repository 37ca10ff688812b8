// Kubernetes YAML: every document of a file (and every item of a `List`) becomes a
// resource. Helm templates are not YAML until rendered, so they are reported, not read.
#include "Frontends.h"
#include "kubernetes/KubernetesObject.h"
#include "kubernetes/YamlReader.h"

#include <fmt/format.h>

namespace akslint {

namespace {

// `{{` outside a comment: Go template syntax, which only `helm template` can expand.
bool has_template_syntax(std::string_view text) {
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    const auto end = std::min(text.find('\n', line_start), text.size());
    const std::string_view line = text.substr(line_start, end - line_start);
    const auto first = line.find_first_not_of(" \t");
    const bool comment = first != std::string_view::npos && line[first] == '#';
    if (!comment && line.find("{{") != std::string_view::npos) return true;
    line_start = end + 1;
  }
  return false;
}

bool is_list_kind(const Value& object) {
  const Value* kind = object.find("kind");
  const auto text = kind != nullptr ? kind->as_string() : std::nullopt;
  return text && text->size() >= 4 && text->substr(text->size() - 4) == "List" && object.find("items") != nullptr;
}

void add_object(Value object, FileId file, UnitModel& out) {
  if (is_list_kind(object)) {
    if (const auto* items = object.find("items")->as_array()) {
      for (const Value& item : *items) add_object(item, file, out);
    }
    return;
  }
  if (!object.is_object()) return;  // a scalar document is not an object; nothing to check
  Origin origin;
  origin.kind = SourceKind::Kubernetes;
  origin.file = file;
  if (auto r = kubernetes_resource(std::move(object), std::move(origin))) out.resources.push_back(std::move(*r));
}

}  // namespace

UnitModel read_kubernetes_yaml(const DeploymentUnit& unit, const FileTable& files) {
  UnitModel out;
  for (const FileId id : unit.files) {
    const std::string_view text = files[id].text;
    if (has_template_syntax(text)) {
      out.diagnostics.push_back({DiagnosticLevel::Warning, "helm-template-not-analysed",
                                 "the file holds template syntax (`{{ }}`); render it (helm template) to analyse it",
                                 id, {}});
      continue;
    }
    yaml::Stream stream = yaml::read_stream(text, id);
    for (auto& d : stream.diagnostics) out.diagnostics.push_back(std::move(d));
    for (auto& document : stream.documents) add_object(std::move(document), id, out);
  }
  return out;
}

}  // namespace akslint
