package cn.gov.panyu.points.platform.bankapi;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * A state-changing bank API endpoint for the tests, until the real ones (loans) exist: it takes a JSON body with
 * checked fields and counts how often it ran, so that a test sees whether a retry ran again. Component scanning
 * finds it in every test context (test classes are on the scanned class path) and in no build of the platform.
 */
@BankApiEndpoint
public class TestOnlyBankEndpoint {

    public static final String PATH = BankApi.BASE + "/test-only/records";
    public static final String FAILING = BankApi.BASE + "/test-only/failure";

    public record Recorded(@NotBlank String text, @Min(1) int amount) {
    }

    public record Answer(String text, int amount, int run) {
    }

    private final AtomicInteger runs = new AtomicInteger();

    @PostMapping(path = "/test-only/records", consumes = "application/json")
    ResponseEntity<Answer> record(@Valid @RequestBody Recorded body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Answer(body.text(), body.amount(), runs.incrementAndGet()));
    }

    @GetMapping("/test-only/failure")
    Answer fail() {
        throw new IllegalStateException("secret internal detail that must not reach the bank");
    }

    public int runs() {
        return runs.get();
    }
}
