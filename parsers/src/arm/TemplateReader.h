#pragma once
// Lowers the resources of an ARM template, and of the templates it nests or links, to the
// canonical model: copy loops, conditions, child resources, dependsOn, nested deployments
// with their own scope.
#include "arm/TemplateScope.h"

#include <akslint/parsers/DeploymentUnit.h>

#include <deque>

namespace akslint::arm {

class TemplateReader {
 public:
  TemplateReader(const FileTable& files, UnitModel& out) : files_(files), out_(out) {}

  // Reads `tmpl`'s resources, evaluated in `scope`, deployed into `placement`.
  void read(const Value& tmpl, TemplateScope& scope, const Scope& placement, int depth);
  // Turns the references met while reading into targets named as the resources are.
  void resolve_references();

 private:
  struct Parent {
    std::string type;
    Value name;
    std::string key;  // name_key of the name
  };
  struct Identity {  // how references find a resource, parallel to out_.resources
    std::string key;
    int scope = 0;
  };
  void read_resource(const Value& decl, const std::string& symbol, const Parent* parent, TemplateScope& scope,
                     const Scope& placement, int depth);
  void read_instance(const Value& decl, const std::string& symbol, const Parent* parent, TemplateScope& scope,
                     const Scope& placement, int depth);
  void read_deployment(const Value& decl, const Resource& deployment, TemplateScope& scope, int depth);
  // The template a deployment's properties give inline or by link, read in its scope.
  void read_template_of(const Value& properties, const Value& decl, TemplateScope& scope,
                        azure::DeploymentContext context, const Scope& target, int depth);
  void read_linked(const Value& decl, const Value& link, const Value& parameters, TemplateScope& outer,
                   azure::DeploymentContext context, const Scope& placement, int depth);
  void read_inner(const Value& tmpl, const Value* parameters, TemplateScope& outer, azure::DeploymentContext context,
                  const Scope& placement, int depth);

  const FileTable& files_;
  UnitModel& out_;
  std::vector<std::vector<PendingReference>> pending_;  // parallel to out_.resources
  std::vector<Identity> identities_;                    // parallel to out_.resources
  int scopes_ = 0;                                      // template scopes created so far
  std::string prefix_;  // "deployment:" per enclosing nested deployment, keeps addresses unique
  std::deque<Value> linked_;                            // linked templates, alive while read
};

// The parameter values a set of deploymentParameters files gives: a value all files agree
// on is known; values that differ between files are unknown.
[[nodiscard]] ValueMap parameter_values(const std::vector<Value>& parameter_files);

}  // namespace akslint::arm
