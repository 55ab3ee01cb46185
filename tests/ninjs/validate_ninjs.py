#!/usr/bin/env python3
"""Validates ninjs news items against the IPTC ninjs JSON schemas, with Debian's python3-jsonschema.

    validate_ninjs.py --schema SCHEMA.json ITEM.json...   exit 0 when every item is valid, 1 otherwise
    validate_ninjs.py --suite NINJS_DIR                  the IPTC suite: every should_pass file passes
                                                         and every should_fail file fails

NINJS_DIR is the ninjs folder of the shared corpora (specification/ and validation/test_suite/). Exits 77
(skipped, for ctest) when that folder is absent. For items given with --schema (Copydesk's own output)
formats (uri, date-time) are asserted too, where the installed jsonschema can check them.
"""
import argparse
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate_ninjs.py: python3-jsonschema is not installed (Debian: apt install python3-jsonschema)")

SKIP = 77


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def validator_for(schema_path, extra_paths=(), check_formats=True):
    schema = load(schema_path)
    store = {}
    for path in (schema_path, *extra_paths):
        document = load(path)
        for key in (document.get("$id"), document.get("id")):
            if key:
                store[key] = document
    cls = jsonschema.validators.validator_for(schema)
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return cls(schema, resolver=resolver, format_checker=cls.FORMAT_CHECKER if check_formats else None)


def errors_of(validator, item):
    return ["%s: %s" % ("/".join(str(p) for p in error.absolute_path) or "(item)", error.message)
            for error in validator.iter_errors(item)]


def schema_file_for(folder):
    # "1.4" -> ninjs-schema_1.4.json; the dev folders hold cases for the last development schema of their
    # generation.
    if folder == "1.x_dev":
        return "ninjs-schema-dev_0.2_v1.5.json"
    if folder == "2.x_dev":
        return "ninjs-schema-dev_0.1_v2.1.json"
    return "ninjs-schema_%s.json" % folder


def run_suite(ninjs_dir):
    suite = os.path.join(ninjs_dir, "validation", "test_suite")
    if not os.path.isdir(suite):
        print("SKIP: the ninjs schema test suite is absent: %s" % suite)
        return SKIP
    geojson = os.path.join(suite, "GeoJSON-schema.json")
    failures = []
    counted = 0
    for folder in sorted(os.listdir(suite)):
        if not os.path.isdir(os.path.join(suite, folder)):
            continue
        schema = os.path.join(ninjs_dir, "specification", schema_file_for(folder))
        # The suite's own items use made-up uris: formats are annotations there, as the schemas' drafts say.
        validator = validator_for(schema, [geojson] if os.path.exists(geojson) else [], check_formats=False)
        for expectation in ("should_pass", "should_fail"):
            cases = os.path.join(suite, folder, expectation)
            if not os.path.isdir(cases):
                continue
            for name in sorted(os.listdir(cases)):
                if not name.endswith(".json"):
                    continue
                path = os.path.join(cases, name)
                counted += 1
                try:
                    item = load(path)
                    problems = errors_of(validator, item)
                except ValueError as error:  # not JSON at all: that is a failure to validate
                    problems = ["not JSON: %s" % error]
                if (expectation == "should_pass") != (not problems):
                    failures.append("%s/%s/%s: %s" % (folder, expectation, name,
                                                      "; ".join(problems) or "valid, but should fail"))
    for failure in failures:
        print(failure)
    print("%d passed, %d failed" % (counted - len(failures), len(failures)))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema")
    parser.add_argument("--suite")
    parser.add_argument("items", nargs="*")
    arguments = parser.parse_args()
    if arguments.suite:
        return run_suite(arguments.suite)
    if not arguments.schema or not arguments.items:
        parser.error("give --suite DIR, or --schema SCHEMA and the items")
    if not os.path.exists(arguments.schema):
        print("SKIP: the ninjs schema is absent: %s" % arguments.schema)
        return SKIP
    validator = validator_for(arguments.schema)
    invalid = 0
    for path in arguments.items:
        problems = errors_of(validator, load(path))
        if problems:
            invalid += 1
            print("%s: %s" % (path, "; ".join(problems)))
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
