package cn.gov.panyu.points.engine.model;

/**
 * One thing wrong with a model file.
 *
 * @param path where in the file, e.g. {@code indicators[3] (T4).weights}
 */
public record ModelProblem(String path, String messageZh, String messageEn) {

    @Override
    public String toString() {
        return path + "：" + messageZh + " (" + messageEn + ")";
    }
}
