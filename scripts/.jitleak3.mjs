import { parse } from "graphql";
import { compileQuery } from "graphql-jit";
import { schema } from "../dist/schema.js";
const doc = (n) => `query Page${n} { __typename v${n}: vehicle(vehicleId: "WAUZZZ8K9BA${String(n).padStart(6, "0")}") @skip(if: true) { vehicleId status statusUpdatedAt manufacturer model color features { featureId title icon type vehicle { vehicleId manufacturer } } images { url status phase quality resultUrl } } }`;
for (let n = 0; n < 20000; n++) { compileQuery(schema, parse(doc(n))); if (n % 2000 === 0) console.log(n, (process.memoryUsage().heapUsed/2**20).toFixed(0), (process.memoryUsage().rss/2**20).toFixed(0)); }
