import { parse } from "graphql";
import { compileQuery } from "graphql-jit";
import { schema } from "../dist/schema.js";
const doc = (n) => `query Page${n} { __typename v${n}: vehicle(vehicleId: "WAUZZZ8K9BA${String(n).padStart(6, "0")}") @skip(if: true) { vehicleId status statusUpdatedAt manufacturer model color features { featureId title icon type vehicle { vehicleId manufacturer } } images { url status phase quality resultUrl } } }`;
const heap = () => { gc(); gc(); return (process.memoryUsage().heapUsed / 2**20).toFixed(1); };
for (let n = 0; n < 500; n++) compileQuery(schema, parse(doc(n)));
console.log("after 500", heap());
for (let n = 500; n < 2500; n++) compileQuery(schema, parse(doc(n)));
console.log("after 2500", heap());
