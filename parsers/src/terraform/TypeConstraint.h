#pragma once
// Variable type constraints: Terraform converts a variable's value to its declared type,
// and fills in optional(...) object attributes with their defaults. Modules rely on both.
#include "terraform/Evaluator.h"

namespace akslint::terraform {

// `value` converted to the type that `type` (a variable's `type` expression) declares.
// Values that do not convert, and unknowns, are returned as they are.
[[nodiscard]] Value apply_type(Value value, const Expr& type, Evaluator& ev);

}  // namespace akslint::terraform
