package cn.gov.panyu.points.platform.bankapi;

/** The bank API's addresses, named once for the security chain, the OpenAPI document and the controllers. */
public final class BankApi {

    /** Every endpoint a bank's system calls. */
    public static final String BASE = "/api/v1/bank";
    /** The OpenAPI 3 document (springdoc.api-docs.path). */
    public static final String DOCUMENT = "/api/v1/openapi.json";
    /** The Swagger UI page over the document (springdoc.swagger-ui.path). */
    public static final String UI = "/api/v1/docs";
    /** Where springdoc serves the Swagger UI's files: next to {@link #UI}. */
    static final String UI_FILES = "/api/v1/swagger-ui/**";

    private BankApi() {
    }
}
