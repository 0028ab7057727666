package cn.gov.panyu.points.platform.scoremodel;

import java.util.List;

import cn.gov.panyu.points.engine.model.ModelProblem;

/** A model text (or an action on a version) that was refused, with every reason in Chinese. */
public class ModelRejectedException extends RuntimeException {

    private final transient List<ModelProblem> problems;

    public ModelRejectedException(List<ModelProblem> problems) {
        super(problems.isEmpty() ? "模型无效" : problems.get(0).messageZh());
        this.problems = List.copyOf(problems);
    }

    public ModelRejectedException(String message) {
        this(List.of(new ModelProblem("", message, message)));
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
