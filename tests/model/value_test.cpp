#include <akslint/model/Value.h>

#include <catch2/catch.hpp>

#include <utility>

using namespace akslint;

TEST_CASE("paths reach into objects and arrays, keys case-insensitively") {
  Value pool = Value::object();
  pool.set("count", Value::number(0));
  Value body = Value::object();
  body.ensure_path("properties.agentPoolProfiles") = Value::array({pool});
  REQUIRE(body.at("properties.agentPoolProfiles[0].count") != nullptr);
  CHECK(body.at("Properties.AgentPoolProfiles[0].Count")->as_number() == 0.0);
  CHECK(body.at("properties.agentPoolProfiles[1].count") == nullptr);
  CHECK(body.at("properties.missing") == nullptr);
}

TEST_CASE("unknown values are not known and have no typed reading") {
  const Value v = Value::unknown("var.node_count");
  CHECK_FALSE(v.is_known());
  CHECK_FALSE(v.as_number().has_value());
  CHECK(v.to_display() == "${var.node_count}");
  const Value arr = Value::array({Value::number(1), v});
  CHECK_FALSE(arr.is_known());
}

TEST_CASE("display text is compact JSON and deterministic") {
  Value o = Value::object();
  o.set("a", Value::string("x\"y"));
  o.set("b", Value::array({Value::boolean(true), Value::null(), Value::number(2.5)}));
  CHECK(o.to_display() == R"({"a":"x\"y","b":[true,null,2.5]})");
}

TEST_CASE("a value can be assigned a part of itself") {
  Value outer = Value::object();
  Value inner = Value::object();
  inner.set("name", Value::string("a-string-longer-than-small-buffer-optimisation"));
  outer.set("inner", inner);
  outer = *outer.find("inner");
  REQUIRE(outer.find("name") != nullptr);
  CHECK(*outer.find("name")->as_string() == "a-string-longer-than-small-buffer-optimisation");

  Value list = Value::array({Value::array({Value::number(1)}), Value::number(2)});
  list = (*list.as_array())[0];
  REQUIRE(list.as_array() != nullptr);
  CHECK(*(*list.as_array())[0].as_number() == 1);
}

TEST_CASE("copies share their members until one of them is changed") {
  Value original = Value::object();
  original.ensure_path("properties.networkProfile").set("networkPlugin", Value::string("azure"));
  original.set("zones", Value::array({Value::string("1"), Value::string("2")}));
  const Value unchanged = original;
  Value changed = original;
  // Reading does not copy: both see the very same members.
  CHECK(std::as_const(changed).as_object() == unchanged.as_object());
  CHECK(std::as_const(original).as_object() == unchanged.as_object());

  changed.ensure_path("properties.networkProfile").set("networkPlugin", Value::string("kubenet"));
  changed.find("zones")->as_array()->push_back(Value::string("3"));
  CHECK(original.at("properties.networkProfile.networkPlugin")->as_string() == "azure");
  CHECK(original.at("zones")->as_array()->size() == 2);
  CHECK(changed.at("properties.networkProfile.networkPlugin")->as_string() == "kubenet");
  CHECK(changed.at("zones")->as_array()->size() == 3);
  CHECK(original == unchanged);
  CHECK_FALSE(changed == unchanged);
}

TEST_CASE("looking up a missing key through a mutable value leaves shared members shared") {
  Value original = Value::object();
  original.set("a", Value::number(1));
  Value copy = original;
  CHECK(copy.find("missing") == nullptr);
  CHECK(std::as_const(copy).as_object() == std::as_const(original).as_object());
  REQUIRE(copy.find("a") != nullptr);  // found: taken for change, so copied
  CHECK(std::as_const(copy).as_object() != std::as_const(original).as_object());
}
