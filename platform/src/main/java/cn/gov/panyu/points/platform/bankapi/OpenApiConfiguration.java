package cn.gov.panyu.points.platform.bankapi;

import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document of the bank API ({@link BankApi#DOCUMENT}; springdoc settings in application.yaml keep it
 * to {@code /api/v1/bank/**}): the bearer API key on every operation, the problem-detail answers every operation
 * may give, and the optional Idempotency-Key on every state-changing one — added here for all, so that a new
 * endpoint is documented like the others without repeating them.
 */
@Configuration
class OpenApiConfiguration {

    private static final String KEY = "apiKey";
    private static final String PROBLEM = "Problem";
    private static final Set<PathItem.HttpMethod> CHANGING = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Bean
    OpenAPI bankApiDocument() {
        return new OpenAPI()
                .info(new Info().title("番禺区企业创新积分平台 · 银行接口").version("v1")
                        .description("供合作银行系统调用的接口：积分贷产品、白名单、企业积分报告。密钥由区科工商信局在平台"
                                + "「合作银行 → 接口密钥」中签发，以 Authorization: Bearer <密钥> 发送。错误按 RFC 9457 以"
                                + " application/problem+json 返回，detail 为中文说明。每个密钥每分钟的调用次数有上限，超出时返回"
                                + " 429 及 Retry-After。"))
                .components(new Components()
                        .addSecuritySchemes(KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("<密钥编号>.<密钥>").description("平台签发的接口密钥"))
                        .addSchemas(PROBLEM, new ObjectSchema().description("RFC 9457 问题详情")
                                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                                .addProperty("instance", new StringSchema())))
                .addSecurityItem(new SecurityRequirement().addList(KEY));
    }

    @Bean
    OpenApiCustomizer bankApiErrorsAndIdempotency() {
        Map<String, String> errors = Map.of("400", Problems.title(400), "401", Problems.title(401),
                "404", Problems.title(404), "429", Problems.title(429), "500", Problems.title(500));
        return document -> document.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, op) -> {
            errors.forEach((status, title) -> problem(op, status, title));
            if (CHANGING.contains(method)) {
                op.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .schema(new StringSchema().maxLength(64))
                        .description("可选。同一密钥下重试同一请求时带上相同的值（建议 UUID），平台只执行一次并重放首次的响应（响应头 "
                                + IdempotencyFilter.REPLAYED + ": true）；保留 24 小时"));
                problem(op, "409", Problems.title(409));
                problem(op, "422", Problems.title(422));
            }
        }));
    }

    private static void problem(Operation op, String status, String title) {
        ApiResponse response = new ApiResponse().description(title).content(new Content().addMediaType(
                Problems.PROBLEM_JSON.toString(), new MediaType().schema(new ObjectSchema().$ref("#/components/schemas/" + PROBLEM))));
        if (status.equals("429")) {
            response.addHeaderObject("Retry-After", new Header().description("多少秒后可以重试").schema(new IntegerSchema()));
        }
        op.getResponses().putIfAbsent(status, response);
    }
}
