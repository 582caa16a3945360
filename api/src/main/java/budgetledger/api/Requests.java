package budgetledger.api;

import java.util.List;

/** The JSON bodies the API accepts. Fields are strings so that a bad value is reported against its field. */
final class Requests {

    private Requests() {
    }

    record OpenBudgetRequest(String departmentCode, String departmentName, Integer fiscalYear,
                             List<UnitRequest> units) {
    }

    record UnitRequest(String code, String name, String type) {
    }

    record LineRequest(String unitCode, String functionalCode, String kind, String deptEconomicCode,
                       String govEconomicCode, String fundingSource, String origin, String project, String amount,
                       String documentNo, String reason, String commandId) {
    }

    record AdjustmentRequest(String lineId, String amount, String documentNo, String reason, String commandId) {
    }

    record TransferRequest(String fromLineId, String toLineId, String amount, String documentNo, String reason,
                           String commandId) {
    }

    record PriorYearFigureRequest(String subject, String amount, String documentNo, String reason,
                                  String commandId) {
    }

    record CurrentYearFigureRequest(String subject, String amount, String documentNo, String reason,
                                    String commandId) {
    }

    record ChangeReasonRequest(String subject, String reason, String documentNo, String commandId) {
    }

    record ReversalRequest(Long sequence, String documentNo, String reason, String commandId) {
    }
}
