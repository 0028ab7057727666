package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.model.ModelException;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ModelProblem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code points validate-model FILE}: prints every problem of a model file at once. */
@Command(name = "validate-model", mixinStandardHelpOptions = true,
        description = {"检查积分模型文件，一次列出全部问题。", "Checks a model file and lists every problem."})
final class ValidateModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "模型文件 (YAML 或 JSON)")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("找不到模型文件 (model file not found): " + file);
            return PointsCli.INVALID_INPUT;
        }
        try {
            ScoreModel m = ModelLoader.load(file);
            out.printf("模型有效 (model is valid): %s %s — %d 项指标 (indicators), %d 个加分项 (bonus items), %d 个负面情形 (negatives)%n",
                    m.reference(), m.name(), m.indicators().size(), m.bonusItems().size(), m.negatives().size());
            for (Stage s : Stage.values()) {
                double sum = m.indicators().stream().mapToDouble(i -> i.weight(s)).sum();
                out.printf("  %s %s: 权重合计 %.0f%n", s, s.label(), sum);
            }
            return PointsCli.OK;
        } catch (ModelException e) {
            err.printf("模型文件有 %d 处问题 (%d problem(s)) — %s%n", e.problems().size(), e.problems().size(), file);
            for (ModelProblem p : e.problems()) {
                err.println("  - " + p);
            }
            return PointsCli.INVALID_INPUT;
        }
    }
}
