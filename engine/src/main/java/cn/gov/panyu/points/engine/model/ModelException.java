package cn.gov.panyu.points.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/** A model file that cannot be used; carries every problem found, not just the first. */
public class ModelException extends RuntimeException {

    private final transient List<ModelProblem> problems;

    public ModelException(String source, List<ModelProblem> problems) {
        super("模型文件 " + source + " 有 " + problems.size() + " 处问题 (model has " + problems.size()
                + " problem(s)):\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
