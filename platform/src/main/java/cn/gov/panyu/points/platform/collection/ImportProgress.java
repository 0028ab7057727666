package cn.gov.panyu.points.platform.collection;

/** Told how far a department import has got, for the progress bar of a background load. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is happening, in Chinese (读取文件, 校验, 写入, 合并)
     * @param done  units done in this phase
     * @param total units in this phase, or -1 when not known
     */
    void progress(String phase, long done, long total);
}
