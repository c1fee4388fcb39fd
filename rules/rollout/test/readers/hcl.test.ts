// Tests for the small HCL reader: blocks, labels and literal attributes with their offsets, the
// expressions it leaves as text, and the files it refuses rather than misreads.
import { describe, expect, it } from "vitest";
import { readHcl } from "../../src/readers/hcl.js";

describe("readHcl", () => {
  it("reads labelled blocks, nested blocks and literal attributes", () => {
    const text = [
      'resource "aws_ecs_service" "web" {',
      '  name          = "shop" # the service name',
      "  desired_count = 2",
      "  deployment_circuit_breaker { enable = true\n rollback = false }",
      "}",
    ].join("\n");
    const [service] = readHcl(text) ?? [];
    expect(service?.labels).toEqual(["aws_ecs_service", "web"]);
    expect(service?.attributes.get("name")).toEqual({ name: "name", value: "shop", literal: true, offset: 37 });
    expect(service?.attributes.get("desired_count")?.value).toBe(2);
    const breaker = service?.blocks[0];
    expect(breaker?.type).toBe("deployment_circuit_breaker");
    expect([breaker?.attributes.get("enable")?.value, breaker?.attributes.get("rollback")?.value]).toEqual([
      true,
      false,
    ]);
  });

  it("keeps references, interpolations, multi-line values and heredocs as unresolved text", () => {
    const text = [
      "locals {",
      "  arn  = aws_lb_target_group.web.arn",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an HCL interpolation, not a JavaScript template
      '  name = "shop-${var.env}"',
      "  defs = jsonencode([{",
      '    name = "web" }])',
      "  policy = <<-EOT",
      '    { "Statement": [ }',
      "  EOT",
      "  after = 1",
      "}",
    ].join("\n");
    const attributes = readHcl(text)?.[0]?.attributes;
    expect(attributes?.get("arn")).toMatchObject({ value: "aws_lb_target_group.web.arn", literal: false });
    expect(attributes?.get("name")?.literal).toBe(false);
    expect(attributes?.get("defs")?.literal).toBe(false);
    expect(attributes?.get("after")?.value).toBe(1);
  });

  it("refuses text it cannot follow instead of guessing", () => {
    expect(readHcl('resource "a" "b" {\n  x = 1\n')).toBeNull();
    expect(readHcl("}\n")).toBeNull();
    expect(readHcl('x = "unterminated\n')).toBeNull();
  });
});
