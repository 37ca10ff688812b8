// Rows and columns of byte offsets, with the line breaks SARIF counts.
#include <akslint/model/LineIndex.h>

#include <catch2/catch.hpp>

using namespace akslint;

TEST_CASE("LF, CRLF and a lone CR each end a line", "[model]") {
  const LineIndex lines("a = 1\nbb = 2\r\nc\rdd");
  REQUIRE(lines.rows() == 4);
  CHECK(lines.line(0) == "a = 1");
  CHECK(lines.line(1) == "bb = 2");
  CHECK(lines.line(2) == "c");
  CHECK(lines.line(3) == "dd");
  CHECK(lines.point(0) == SourcePoint{0, 0});
  CHECK(lines.point(9) == SourcePoint{1, 3});
  CHECK(lines.point(14) == SourcePoint{2, 0});
  CHECK(lines.point(17) == SourcePoint{3, 1});
  CHECK(lines.point(6) == SourcePoint{1, 0});
  CHECK(lines.point(8) == SourcePoint{1, 2});
}

TEST_CASE("an empty text is one empty line", "[model]") {
  const LineIndex lines("");
  CHECK(lines.rows() == 1);
  CHECK(lines.line(0).empty());
  CHECK(lines.point(0) == SourcePoint{0, 0});
}
