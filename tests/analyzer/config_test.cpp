// The configuration file: what it selects, and how it says what is wrong with it.
#include <akslint/analyzer/Config.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace akslint;

namespace {

constexpr std::string_view kNetworkTags[] = {"networking", "security"};
constexpr std::string_view kPoolTags[] = {"reliability"};
constexpr RuleOption kPodOptions[] = {{"min-max-pods", OptionKind::Integer, "30", "lowest acceptable maxPods"}};

constexpr RuleMetadata kPool{.id = "AKS201", .slug = "system-pool-scaled-to-zero", .level = Level::Error,
                             .tags = kPoolTags};
constexpr RuleMetadata kApi{.id = "AKS304", .slug = "api-server-unrestricted", .level = Level::Warning,
                            .tags = kNetworkTags};
constexpr RuleMetadata kFips{.id = "AKS407", .slug = "fips-not-enabled", .level = Level::Note, .tags = kNetworkTags,
                             .opt_in = true};
constexpr RuleMetadata kPods{.id = "AKS721", .slug = "max-pods-too-low", .options = kPodOptions};
const RuleMetadata* const kRules[] = {&kPool, &kApi, &kFips, &kPods};

ConfigResult parse(std::string_view text) { return parse_config(text, ".akslint.yaml", kRules); }

std::vector<std::string> messages(const ConfigResult& r) {
  std::vector<std::string> out;
  for (const auto& e : r.errors) out.push_back(e.to_string());
  return out;
}

}  // namespace

TEST_CASE("rules are chosen by id, slug or tag; the specific choice wins", "[config]") {
  const auto r = parse("enable:\n  - networking\ndisable: [api-server-unrestricted]\n");
  REQUIRE(r.errors.empty());
  CHECK(r.config.enabled(kPool));       // default on
  CHECK_FALSE(r.config.enabled(kApi));  // tag enables, slug disables: the slug wins
  CHECK(r.config.enabled(kFips));       // opt-in, enabled by its tag
  const auto tie = parse("enable: [AKS304]\ndisable: [aks304]\n");
  CHECK_FALSE(tie.config.enabled(kApi));  // equal weight: disable wins
  CHECK_FALSE(parse("").config.enabled(kFips));  // opt-in stays off by default
}

TEST_CASE("levels and options", "[config]") {
  const auto r = parse("levels:\n  security: error\n  AKS407: note\noptions:\n  AKS721.min-max-pods: 50\n");
  REQUIRE(r.errors.empty());
  CHECK(r.config.level(kApi) == Level::Error);
  CHECK(r.config.level(kFips) == Level::Note);  // the rule named itself beats its tag
  CHECK(r.config.level(kPool) == Level::Error);  // unchanged default
  CHECK(r.config.option(kPods, "min-max-pods") == "50");
  CHECK(parse("").config.option(kPods, "min-max-pods") == "30");
}

TEST_CASE("excludes and configured suppressions", "[config]") {
  const auto r = parse(
      "exclude:\n  - examples/\n  - '**/*.generated.tf'\n"
      "suppress:\n  - rule: AKS201\n    path: envs/sandbox/**\n    reason: \"stopped at night: saves money\"\n");
  REQUIRE(r.errors.empty());
  CHECK(r.config.excluded("examples/basic/main.tf"));
  CHECK(r.config.excluded("a/b/x.generated.tf"));
  CHECK_FALSE(r.config.excluded("main.tf"));
  REQUIRE(r.config.suppress.size() == 1);
  const Suppression& s = r.config.suppress[0];
  CHECK(s.kind == SuppressionKind::External);
  CHECK(s.reason == "stopped at night: saves money");
  CHECK(s.path_glob == "envs/sandbox/**");
}

TEST_CASE("unknown keys and bad values are errors with file and line", "[config]") {
  const auto r = parse(
      "enable: [AKS201, nosuchrule]\n"        // 1
      "levels:\n"                             // 2
      "  AKS201: fatal\n"                     // 3
      "colour: blue\n"                        // 4
      "options:\n"                            // 5
      "  AKS721.min-max-pods: many\n"         // 6
      "  AKS721.max: 1\n"                     // 7
      "  AKS999.x: 1\n"                       // 8
      "suppress:\n"                           // 9
      "  - rule: AKS201\n"                    // 10
      "    path: envs/**\n"                   // 11
      "    because: reasons\n");              // 12
  CHECK(messages(r) ==
        std::vector<std::string>{
            ".akslint.yaml:1: 'nosuchrule' is not a rule id, rule name or tag; `akslint rules` lists them",
            ".akslint.yaml:3: the level of 'AKS201' must be error, warning, note or none",
            ".akslint.yaml:4: unknown key 'colour'; the keys are enable, disable, levels, options, exclude, suppress, var-files, vars, parameters",
            ".akslint.yaml:6: AKS721.min-max-pods must be an integer",
            ".akslint.yaml:7: AKS721 has no option 'max'",
            ".akslint.yaml:8: 'AKS999.x' must be <rule id or name>.<option>, for a rule akslint has",
            ".akslint.yaml:12: unknown key 'because' in a suppression; the keys are rule, path, address, reason",
            ".akslint.yaml:10: a suppression needs a reason",
        });
}

TEST_CASE("YAML the reader does not take is an error, not a guess", "[config][yaml]") {
  CHECK(messages(parse("enable:\n\t- AKS201\n")) ==
        std::vector<std::string>{".akslint.yaml:2: tabs cannot indent YAML; use spaces"});
  CHECK(messages(parse("enable: &anchor [AKS201]\n")).size() == 1);
  CHECK(messages(parse("enable: [AKS201]\nenable: [AKS304]\n")) ==
        std::vector<std::string>{".akslint.yaml:2: 'enable' is given twice (first on line 1)"});
  CHECK(messages(parse("levels:\n  AKS201: error\n    AKS304: note\n")).size() == 1);
  CHECK(messages(parse("- AKS201\n")) ==
        std::vector<std::string>{
            ".akslint.yaml:1: the configuration must be a mapping of keys such as enable, disable, levels"});
}

TEST_CASE("the effective configuration and the starter file read back without errors", "[config]") {
  const auto r = parse("enable: [AKS407]\nlevels: {}\noptions:\n  AKS721.min-max-pods: 50\nexclude: [examples/**]\n"
                       "suppress:\n  - rule: [AKS201]\n    address: azurerm_kubernetes_cluster.*\n    reason: lab\n");
  REQUIRE(r.errors.empty());
  const std::string effective = render_config(r.config, kRules);
  const auto again = parse(effective);
  INFO(effective);
  REQUIRE(again.errors.empty());
  for (const RuleMetadata* rule : kRules) {
    CHECK(again.config.enabled(*rule) == r.config.enabled(*rule));
    CHECK(again.config.level(*rule) == r.config.level(*rule));
  }
  CHECK(again.config.option(kPods, "min-max-pods") == "50");
  CHECK(again.config.suppress.size() == 1);
  CHECK(parse(starter_config(kRules)).errors.empty());
}

TEST_CASE("the configuration is found from the scan root upwards", "[config]") {
  namespace fs = std::filesystem;
  const auto base = fs::temp_directory_path() / ("akslint-config-" + std::to_string(::getpid()));
  fs::create_directories(base / "repo" / "infra" / "aks");
  std::ofstream(base / "repo" / ".akslint.yaml") << "disable: [AKS201]\n";
  CHECK(find_config(base / "repo" / "infra" / "aks") == base / "repo" / ".akslint.yaml");
  CHECK(find_config(base) != base / "repo" / ".akslint.yaml");
  fs::remove_all(base);
}
