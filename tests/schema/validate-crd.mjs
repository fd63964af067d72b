// Validates every document of the given YAML files against the openAPIV3Schema of a CustomResourceDefinition.
// Usage: node validate-crd.mjs CRD.yaml FILE.yaml [FILE.yaml …]; prints one line per document, exits 1 on any error.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';

const [crdPath, ...files] = process.argv.slice(2);
if (!crdPath || files.length === 0) {
    console.error('usage: node validate-crd.mjs CRD.yaml FILE.yaml…');
    process.exit(2);
}

const crd = parseAllDocuments(readFileSync(crdPath, 'utf8'))[0].toJS();
const group = crd.spec.group;
const kind = crd.spec.names.kind;
const versions = new Map(crd.spec.versions.filter((v) => v.served).map((v) => [`${group}/${v.name}`, v]));

const ajv = new Ajv({ strict: false, allErrors: true });
// Kubernetes list semantics the API server enforces besides the JSON schema itself.
ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    type: 'array',
    validate: (listType, data) => listType !== 'set' || new Set(data.map((item) => JSON.stringify(item))).size === data.length,
});

let failures = 0;
for (const file of files) {
    parseAllDocuments(readFileSync(file, 'utf8')).forEach((document, index) => {
        const object = document.toJS();
        if (object === null || object === undefined) return;
        const where = `${file}#${index + 1}`;
        const version = versions.get(object.apiVersion);
        const problems = [];
        if (object.kind !== kind) problems.push(`kind is "${object.kind}", expected "${kind}"`);
        if (!version) problems.push(`apiVersion "${object.apiVersion}" is not served by ${crd.metadata.name}`);
        if (!object.metadata || typeof object.metadata.name !== 'string' || object.metadata.name.length === 0)
            problems.push('metadata.name is missing');
        if (version) {
            const validate = ajv.compile(version.schema.openAPIV3Schema);
            if (!validate(object))
                for (const error of validate.errors) problems.push(`${error.instancePath || '/'} ${error.message}`);
        }
        if (problems.length === 0) {
            console.log(`OK ${where}`);
        } else {
            failures += 1;
            for (const problem of problems) console.log(`INVALID ${where}: ${problem}`);
        }
    });
}
process.exit(failures === 0 ? 0 : 1);
