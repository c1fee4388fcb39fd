// Tests for rollout/health-checks, on the platform fixtures with one check removed.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });
const DEPLOYMENT = "deploy/k8s/deployment.yaml";
const TF = "infra/service.tf";
const READINESS = "          readinessProbe:\n            httpGet: { path: /ready, port: 8080 }\n";

tester.run("health-checks", {
  valid: [
    { name: "k8s: readiness distinct from liveness", files: fixture("k8s") },
    { name: "fly: [[http_service.checks]]", files: fixture("fly") },
    { name: "render: healthCheckPath on the web service (a worker needs none)", files: fixture("render") },
    { name: "ECS: a container healthCheck", files: fixture("ecs") },
    {
      name: "ECS + Terraform: no container healthCheck, but the service's target group health-checks the task",
      files: fixture("ecs-terraform"),
    },
    {
      name: "ECS + Terraform: a target group without a health_check block (AWS checks it by default)",
      files: variant("ecs-terraform", TF, /\n {2}health_check \{[^}]*\}\n/, "\n"),
    },
    {
      name: "ECS + Terraform: a service whose task definition is a reference may run this family",
      files: variant(
        "ecs-terraform",
        TF,
        'task_definition = "shop"',
        "task_definition = aws_ecs_task_definition.web.arn",
      ),
    },
    {
      name: "ECS + Terraform: a classic load balancer (elb_name) health-checks the task",
      files: variant("ecs-terraform", TF, "target_group_arn = aws_lb_target_group.web.arn", 'elb_name = "shop"'),
    },
    {
      name: "ECS + CloudFormation: the service's target group in the template health-checks the task",
      files: fixture("ecs-cloudformation"),
    },
    {
      name: "ECS: a service JSON with a load balancer target group",
      files: {
        ...variant("ecs", "deploy/ecs/task-definition.json", /,\n\s*"healthCheck".*/, ""),
        "deploy/ecs/service.json":
          '{ "serviceName": "shop", "taskDefinition": "shop:12", "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/shop/1", "containerName": "web", "containerPort": 8080 }],\n  "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }',
      },
    },
    {
      name: "compose: production file with a healthcheck; docker-compose.yml is development",
      files: fixture("compose"),
    },
    {
      name: "k8s: a worker that declares no ports takes no traffic",
      files: variant("k8s", DEPLOYMENT, "          ports:\n            - containerPort: 8080\n" + READINESS, ""),
    },
    {
      name: "k8s: a manifest for a developer's cluster (dev/) is not a rollout",
      files: { "dev/deployment.yaml": (fixture("k8s")[DEPLOYMENT] ?? "").replace(READINESS, "") },
    },
    {
      name: "render: a static site has nothing to probe",
      files: { "render.yaml": "services:\n  - type: web\n    name: docs\n    runtime: static\n" },
    },
    {
      name: "ECS: a task that maps no port (a worker)",
      files: variant("ecs", "deploy/ecs/task-definition.json", /,\n\s*"portMappings".*\n\s*"healthCheck".*/, ""),
    },
    {
      name: "the ignore option",
      files: variant("k8s", DEPLOYMENT, READINESS, ""),
      options: { ignore: ["web"] },
    },
  ],
  invalid: [
    {
      name: "k8s: no readinessProbe, at the serving container's name",
      files: variant("k8s", DEPLOYMENT, READINESS, ""),
      errors: [
        {
          file: DEPLOYMENT,
          messageId: "missing",
          data: { workload: "Deployment web", add: "a readinessProbe" },
          line: 21,
          column: 11,
        },
      ],
    },
    {
      name: "k8s: the same outside dev/ folders (a base reaches production)",
      files: { "deploy/base/deployment.yaml": (fixture("k8s")[DEPLOYMENT] ?? "").replace(READINESS, "") },
      errors: [{ file: "deploy/base/deployment.yaml", messageId: "missing", line: 21, column: 11 }],
    },
    {
      name: "k8s: readiness identical to liveness",
      files: variant("k8s", DEPLOYMENT, "path: /live", "path: /ready"),
      errors: [{ file: DEPLOYMENT, messageId: "sameAsLiveness", line: 25, column: 11 }],
    },
    {
      name: "fly: an http_service without checks (read from [[http_service.checks]])",
      files: variant("fly", "fly.toml", "[[http_service.checks]]", "[[vm]]"),
      errors: [
        {
          file: "fly.toml",
          messageId: "missing",
          data: { workload: "fly app shop", add: "[[http_service.checks]]" },
          line: 7,
          column: 2,
        },
      ],
    },
    {
      name: "fly: [[services]] without http_checks or tcp_checks",
      files: { "fly.toml": 'app = "shop"\n\n[[services]]\n  internal_port = 8080\n  protocol = "tcp"\n' },
      errors: [
        {
          file: "fly.toml",
          messageId: "missing",
          data: { workload: "fly app shop", add: "[[services.http_checks]]" },
          line: 3,
          column: 3,
        },
      ],
    },
    {
      name: "fly: a file that is not TOML is reported, not passed",
      files: { "fly.toml": 'app = "shop\n' },
      errors: [{ file: "fly.toml", messageId: "unreadable", line: 1, column: 1 }],
    },
    {
      name: "render: a web service without healthCheckPath",
      files: variant("render", "render.yaml", "    healthCheckPath: /healthz\n", ""),
      errors: [
        {
          file: "render.yaml",
          messageId: "missing",
          data: { workload: "render web service shop", add: "healthCheckPath" },
          line: 3,
          column: 5,
        },
      ],
    },
    {
      name: "ECS: a task definition without a container healthCheck",
      files: variant("ecs", "deploy/ecs/task-definition.json", /,\n\s*"healthCheck".*/, ""),
      errors: [{ file: "deploy/ecs/task-definition.json", messageId: "missing", line: 5, column: 7 }],
    },
    {
      name: "ECS + Terraform: the target group's health check is switched off",
      files: variant("ecs-terraform", TF, '    path                = "/healthz"', "    enabled = false"),
      errors: [{ file: "deploy/task-definition.json", messageId: "missing", line: 5, column: 7 }],
    },
    {
      name: "ECS + Terraform: the service has no load balancer",
      files: variant("ecs-terraform", TF, /\n {2}load_balancer \{[^}]*\}\n/, "\n"),
      errors: [{ file: "deploy/task-definition.json", messageId: "missing", line: 5, column: 7 }],
    },
    {
      name: "ECS + Terraform: the load-balanced service runs another family",
      files: variant("ecs-terraform", TF, 'task_definition = "shop"', 'task_definition = "billing"'),
      errors: [{ file: "deploy/task-definition.json", messageId: "missing", line: 5, column: 7 }],
    },
    {
      name: "ECS + CloudFormation: the target group's health check is switched off",
      files: variant(
        "ecs-cloudformation",
        "stack.yaml",
        "      HealthCheckPath: /healthz",
        "      HealthCheckEnabled: false",
      ),
      errors: [{ file: "task-definition.json", messageId: "missing", line: 5, column: 7 }],
    },
    {
      name: "compose: a production service that publishes ports without a healthcheck",
      files: variant("compose", "docker-compose.prod.yml", "    healthcheck:", "    labels:"),
      errors: [{ file: "docker-compose.prod.yml", messageId: "missing", line: 2, column: 3 }],
    },
  ],
});
