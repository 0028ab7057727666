package cn.gov.panyu.points.platform.scoremodel;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A model version id no row has: every {@code /models/{id}} page answers 404 for it. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ModelNotFoundException extends ModelRejectedException {

    public ModelNotFoundException(long id) {
        super("模型版本 " + id + " 不存在");
    }
}
