package budgetledger.disclosure;

import budgetledger.model.BudgetSubject;

/**
 * What the narrative says that the tables do not hold: last year's figures (through the stated changes), the
 * reasons, and the 政府采购 figures. A figure the narrative does not state is {@link NarrativeFigure#ABSENT}.
 */
public record Narrative(NarrativeFigure total,
                        NarrativeFigure expenditureTotal,
                        NarrativeFigure generalPublicExpenditure,
                        NarrativeFigure threePublicTotal,
                        NarrativeFigure travelAbroad,
                        NarrativeFigure reception,
                        NarrativeFigure vehicleTotal,
                        NarrativeFigure vehicleOperation,
                        NarrativeFigure vehiclePurchase,
                        NarrativeFigure agencyOperatingCost,
                        NarrativeFigure procurementTotal,
                        NarrativeFigure procurementGoods,
                        NarrativeFigure procurementWorks,
                        NarrativeFigure procurementServices) {

    /** The figure for a subject, or ABSENT for a subject the narrative reader does not look for. */
    public NarrativeFigure figure(BudgetSubject subject) {
        return switch (subject) {
            case TOTAL -> total;
            case EXPENDITURE -> expenditureTotal;
            case GENERAL_PUBLIC_EXPENDITURE -> generalPublicExpenditure;
            case THREE_PUBLIC_TOTAL -> threePublicTotal;
            case TRAVEL_ABROAD -> travelAbroad;
            case RECEPTION -> reception;
            case VEHICLE_TOTAL -> vehicleTotal;
            case VEHICLE_OPERATION -> vehicleOperation;
            case VEHICLE_PURCHASE -> vehiclePurchase;
            case AGENCY_OPERATING_COST -> agencyOperatingCost;
            case GOVERNMENT_PROCUREMENT -> procurementTotal;
            case PROCUREMENT_GOODS -> procurementGoods;
            case PROCUREMENT_WORKS -> procurementWorks;
            case PROCUREMENT_SERVICES -> procurementServices;
            default -> NarrativeFigure.ABSENT;
        };
    }
}
