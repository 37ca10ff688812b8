// A module directory's configuration, gathered from its files once per scan.
#include "ModuleGraph.h"
#include "terraform/Module.h"

namespace akslint::terraform {

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

Session::Session(const FileTable& table, ModuleCache* shared) : files(table), cache_(shared) {
  if (cache_ == nullptr) cache_ = &own_cache_.emplace(files, std::vector<DeploymentUnit>{});
}

const ModuleConfig* Session::load(const std::string& dir) {
  if (auto it = configs.find(dir); it != configs.end()) return it->second.get();
  auto& slot = configs[dir];
  slot = cache_->terraform.load(dir, [&](bool& complete) { return parse(dir, complete); });
  return slot.get();
}

ModuleCache::Config Session::parse(const std::string& dir, bool& complete) const {
  std::vector<std::unique_ptr<ConfigFile>> parsed;
  for (const FileId id : cache_->files_in(dir)) {
    // Syntax errors are reported by the directory's own unit; here the file is just skipped.
    auto file = parse_config_file(files[id], id);
    if (!file->error) {
      parsed.push_back(std::move(file));
    } else if (file->error->code == "parse-time-limit") {
      complete = false;
    }
  }
  if (parsed.empty()) return nullptr;
  return std::make_shared<const ModuleConfig>(build_config(dir, std::move(parsed)));
}

}  // namespace akslint::terraform
