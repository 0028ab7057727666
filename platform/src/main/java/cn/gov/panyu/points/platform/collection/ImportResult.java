package cn.gov.panyu.points.platform.collection;

/**
 * The outcome of {@link DepartmentImports#load}.
 *
 * @param importId   the import's id ({@code data_import.id}); for an already imported file the earlier
 *                   import's id; null when nothing was loaded because of errors
 * @param status     what happened
 * @param message    a Chinese sentence for the user
 * @param preview    the validation that preceded the load
 */
public record ImportResult(Long importId, Status status, int rowsLoaded, int rowsRejected,
                           int enterprisesCreated, String message, ImportPreview preview) {

    public enum Status {
        /** every row loaded */
        LOADED,
        /** only the valid rows loaded, at the user's explicit choice */
        LOADED_VALID_ONLY,
        /** the same file was imported before and is still loaded: nothing changed */
        ALREADY_IMPORTED,
        /** the file has errors (and the user did not choose to load the valid rows): nothing changed */
        REJECTED
    }

    public boolean changed() {
        return status == Status.LOADED || status == Status.LOADED_VALID_ONLY;
    }
}
