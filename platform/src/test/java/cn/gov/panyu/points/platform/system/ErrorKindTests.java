package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ErrorKindTests {

    @Test
    void notFoundHasItsOwnPage() {
        assertThat(ErrorKind.of(HttpStatus.NOT_FOUND)).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void everyServerErrorIsTheServerPage() {
        assertThat(ErrorKind.of(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo(ErrorKind.SERVER);
        assertThat(ErrorKind.of(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo(ErrorKind.SERVER);
    }

    @Test
    void missingRightsAreTheForbiddenPage() {
        assertThat(ErrorKind.of(HttpStatus.FORBIDDEN)).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(ErrorKind.of(HttpStatus.UNAUTHORIZED)).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void otherClientErrorsShareOnePage() {
        assertThat(ErrorKind.of(HttpStatus.BAD_REQUEST)).isEqualTo(ErrorKind.OTHER);
        assertThat(ErrorKind.of(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void messageKeysFollowTheKind() {
        assertThat(ErrorKind.NOT_FOUND.titleKey()).isEqualTo("error.notFound.title");
        assertThat(ErrorKind.SERVER.adviceKey()).isEqualTo("error.server.advice");
    }
}
