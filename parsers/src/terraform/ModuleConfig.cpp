// A module directory's configuration, gathered from its files once per scan.
#include "terraform/Module.h"

namespace akslint::terraform {

namespace {

std::string_view directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

}  // namespace

const Block* ModuleConfig::resource(std::string_view key) const {
  for (const auto& [k, b] : resources) {
    if (k == key) return b;
  }
  return nullptr;
}

const Block* ModuleConfig::call(std::string_view name) const {
  for (const auto& [k, b] : calls) {
    if (k == name) return b;
  }
  return nullptr;
}

ModuleConfig build_config(std::string dir, std::vector<std::unique_ptr<ConfigFile>> files) {
  ModuleConfig c;
  c.dir = std::move(dir);
  c.files = std::move(files);
  for (const auto& f : c.files) {
    for (const Block& b : f->body.blocks) {
      const std::string first = b.labels.empty() ? std::string() : b.labels[0];
      if (b.type == "variable" && !first.empty()) {
        c.variables.emplace(first, &b);
      } else if (b.type == "locals") {
        for (const auto& a : b.body.attributes) c.locals.emplace(a.name, &a);
      } else if ((b.type == "resource" || b.type == "data") && b.labels.size() >= 2) {
        const std::string key = (b.type == "data" ? "data." : "") + b.labels[0] + "." + b.labels[1];
        if (c.resource(key) == nullptr) c.resources.emplace_back(key, &b);
      } else if (b.type == "module" && !first.empty()) {
        if (c.call(first) == nullptr) c.calls.emplace_back(first, &b);
      } else if (b.type == "output" && !first.empty()) {
        c.outputs.emplace(first, &b);
      } else if (b.type == "provider" && !first.empty()) {
        c.providers.push_back(&b);
      }
    }
  }
  return c;
}

const ModuleConfig* Session::load(const std::string& dir) {
  if (auto it = configs.find(dir); it != configs.end()) return it->second.get();
  std::vector<std::unique_ptr<ConfigFile>> parsed;
  for (FileId id = 0; id < files.size(); ++id) {
    const SourceFile& f = files[id];
    if (directory_of(f.path) != dir) continue;
    if (f.format != FileFormat::Terraform && f.format != FileFormat::TerraformJson) continue;
    // Syntax errors are reported by the directory's own unit; here the file is just skipped.
    auto file = parse_config_file(f, id);
    if (!file->error) parsed.push_back(std::move(file));
  }
  auto& slot = configs[dir];
  if (!parsed.empty()) slot = std::make_unique<ModuleConfig>(build_config(dir, std::move(parsed)));
  return slot.get();
}

}  // namespace akslint::terraform
