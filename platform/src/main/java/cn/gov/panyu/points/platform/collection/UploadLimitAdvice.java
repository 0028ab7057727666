package cn.gov.panyu.points.platform.collection;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A department upload larger than the multipart limit that got past {@link UploadSizeFilter} (no
 * announced length): the user gets the upload page again with the Chinese message, not an error page.
 * Limited to the import controller so that other features' uploads keep their own handling.
 */
@ControllerAdvice(assignableTypes = ImportController.class)
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge() {
        return "redirect:" + UploadSizeFilter.UPLOAD_PATH + "?tooLarge";
    }
}
