package budgetledger.disclosure.tables;

import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.FunctionalCode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names of functional codes as the tables print them: the year's catalogue, and for a code it does not hold
 * the name the imported document gave it (the catalogue is partial; a document is not wrong to use another code).
 */
final class CodeNames {

    private final ClassificationCatalogue catalogue;
    private final Map<String, String> documentNames;
    private List<FunctionalCode> classes;

    CodeNames(ClassificationCatalogue catalogue, Map<String, String> documentNames) {
        this.catalogue = catalogue;
        this.documentNames = documentNames;
    }

    /** Lines carry codes the catalogue or their document named; a code neither knows is a bug, not a blank. */
    FunctionalCode functional(String code) {
        return catalogue.functional(code)
                .or(() -> java.util.Optional.ofNullable(documentNames.get(code)).map(name -> new FunctionalCode(code, name)))
                .orElseThrow(() -> new IllegalStateException("functional code " + code + " is not in the "
                        + catalogue.edition() + " classification catalogue, nor named by the budget's document"));
    }

    /** Every 类 the 收支总表 list, in code order: the catalogue's and those only the document named. */
    List<FunctionalCode> classes() {
        if (classes == null) {
            classes = collectClasses();
        }
        return classes;
    }

    private List<FunctionalCode> collectClasses() {
        Map<String, FunctionalCode> classes = new TreeMap<>();
        catalogue.functionalCodes().stream().filter(code -> code.level() == FunctionalCode.Level.CLASS)
                .forEach(code -> classes.put(code.code(), code));
        documentNames.forEach((code, name) -> {
            if (code.length() == 3) {
                classes.putIfAbsent(code, new FunctionalCode(code, name));
            }
        });
        return List.copyOf(classes.values());
    }

    int edition() {
        return catalogue.edition();
    }
}
