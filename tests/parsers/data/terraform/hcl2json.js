// Converts .tf files with HashiCorp's HCL parser (@cdktf/hcl2json, WebAssembly), for the
// differential test. Usage: node hcl2json.js <node_modules dir> <list file> <output file>
// The list holds one path per line; the output is one JSON object: path -> the parser's
// JSON, or {"__error": message} when it rejects the file.
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(process.argv[2], "@cdktf/hcl2json"));

(async () => {
  const files = fs.readFileSync(process.argv[3], "utf8").split("\n").filter((f) => f.length > 0);
  const out = {};
  for (const file of files) {
    try {
      out[file] = await parse(path.basename(file), fs.readFileSync(file, "utf8"));
    } catch (e) {
      out[file] = { __error: String(e && e.message ? e.message : e) };
    }
  }
  fs.writeFileSync(process.argv[4], JSON.stringify(out));
})();
