// Reads Azure Pipelines logging commands (one per line on standard input) with
// Microsoft's own parser, azure-pipelines-task-lib's commandFromString, and
// prints each as JSON: {command, properties, message}. Used by the tests.
"use strict";
const path = require("path");
const lib = path.resolve(__dirname, "..", "..", ".test-tools", "node_modules",
    "azure-pipelines-task-lib", "taskcommand.js");
const { commandFromString } = require(lib);
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);
const parsed = lines.map((line) => {
    const cmd = commandFromString(line);
    return { command: cmd.command, properties: cmd.properties, message: cmd.message };
});
process.stdout.write(JSON.stringify(parsed));
