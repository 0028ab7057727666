package cn.gov.panyu.points.platform.bankapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.credit.ProductRequests;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank API as a bank's system meets it: over HTTP on the platform's port, with nothing but a key and the
 * served OpenAPI document — every path below is found in that document by its operationId, none is written here.
 * (Staff issue the key and the enterprise consents inside the platform, as they would through its pages.)
 */
@DemoDistrictTest
class BankApiOverHttpIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiCredentials credentials;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBanksSystemFindsEveryPathInTheServedDocumentAndCallsIt() throws Exception {
        String bank = ApiKeys.newBank(jdbc);
        String authorization = ApiKeys.issue(credentials, bank);
        String productName = TestEnterprises.uniqueName("接口产品");
        mvc.perform(ProductRequests.filled(post("/bank/products"), productName, "stages", "STARTUP|GROWTH|MATURE",
                "lowestTier", "RISE", "minimumTotal", "", "excludedNegatives", null, "minimumYears", "0", "baseLead", "100",
                "baseRun", "100", "baseRise", "100", "bands", "").with(TestUsers.bank(bank))).andExpect(status().is3xxRedirection());
        String consented = jdbc.sql("""
                        select ps.uscc from published_score ps
                        join enterprise_year y on y.uscc = ps.uscc and y.data_year = ps.data_year
                        where ps.data_year = (select max(data_year) from published_score) and ps.eligible
                          and ps.tier is not null and y.revenue_y0 >= 100
                        order by ps.uscc desc limit 1""").query(String.class).single().trim();
        jdbc.sql("insert into consent (uscc, bank_code, granted_by, granted_at, expires_on) values (?, ?, 'test', ?, ?)")
                .params(consented, bank, Timestamp.valueOf(LocalDateTime.now()), LocalDate.now().plusMonths(1)).update();

        // the document, without a key
        HttpResponse<String> served = send(HttpRequest.newBuilder(url("/api/v1/openapi.json")).GET(), null);
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = json.readTree(served.body());
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("components").get("securitySchemes").get("apiKey").get("scheme").asString()).isEqualTo("bearer");
        List<String> paths = new ArrayList<>();
        document.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).as("only the bank API is documented, no web page").allMatch(p -> p.startsWith("/api/v1/bank/"));

        JsonNode products = call(operation(document, "listProducts"), Map.of(), authorization, 200);
        assertThat(products.valueStream().map(p -> p.get("name").asString()).toList()).containsExactly(productName);

        JsonNode whiteList = call(operation(document, "listWhiteList"), Map.of(), authorization, 200);
        assertThat(whiteList.get("entries").valueStream().map(e -> e.get("uscc").asString()).toList()).containsExactly(consented);

        String report = operation(document, "getEnterpriseReport");
        assertThat(call(report, Map.of("uscc", consented), authorization, 200).get("name").asString()).isNotBlank();
        JsonNode refused = call(report, Map.of("uscc", "91440113ZZZZZZZZZZ"), authorization, 404);
        assertThat(refused.get("detail").asString()).isEqualTo("请求的资源不存在。");
        // without the key
        call(operation(document, "listProducts"), Map.of(), null, 401);

        // and a person reads the same document in the Swagger UI
        HttpResponse<String> ui = send(HttpRequest.newBuilder(url("/api/v1/docs")).GET(), null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    /** The path template of the operation with this operationId. */
    private static String operation(JsonNode document, String operationId) {
        List<String> found = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getValue().path("operationId").asString("").equals(operationId)) {
                found.add(path.getKey());
            }
        }));
        assertThat(found).as("operation " + operationId + " in the document").hasSize(1);
        return found.get(0);
    }

    private JsonNode call(String template, Map<String, String> variables, String authorization, int expected) throws Exception {
        String path = template;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)).GET().header("Accept", "application/json"),
                authorization);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
