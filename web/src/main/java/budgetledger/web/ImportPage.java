package budgetledger.web;

import budgetledger.exchange.disclosure.DisclosureImportService;
import budgetledger.exchange.disclosure.DisclosureRejectedException;
import budgetledger.exchange.disclosure.ImportResult;
import budgetledger.exchange.disclosure.DocumentText;
import budgetledger.disclosure.PdfText;
import budgetledger.processing.ReadYourWrites;
import budgetledger.command.BudgetRuleException;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * Import of a published disclosure by upload, through the same service as the API: the result with its
 * reconciliation report, or every problem of a document that cannot be imported (nothing is then recorded).
 */
@Controller
class ImportPage {

    private final DisclosureImportService imports;
    private final LedgerReads reads;
    private final ReadYourWrites readModels;

    ImportPage(DisclosureImportService imports, LedgerReads reads, ReadYourWrites readModels) {
        this.imports = imports;
        this.reads = reads;
        this.readModels = readModels;
    }

    @GetMapping("/disclosures/new")
    String form() {
        return "import";
    }

    @PostMapping("/disclosures")
    String upload(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String departmentCode, Model model, HttpServletResponse response)
            throws IOException {
        model.addAttribute("departmentCode", departmentCode);
        if (file == null || file.isEmpty()) {
            return refused(model, response, HttpStatus.BAD_REQUEST, "请选择要导入的文件（公开文档的 PDF，或由它提取的文本，UTF-8）");
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        byte[] bytes = file.getBytes();
        boolean pdf = PdfText.isPdf(bytes);
        String text = null;
        if (!pdf) {
            try {
                text = DocumentText.utf8(bytes);
            } catch (BudgetRuleException e) {
                return refused(model, response, HttpStatus.BAD_REQUEST, e.getMessage());
            }
        }
        String code = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        ImportResult result;
        try {
            result = pdf ? imports.importPdf(bytes, code, false) : imports.importDocument(text, code);
        } catch (DisclosureRejectedException e) {
            model.addAttribute("problems", e.problems());
            return refused(model, response, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage() + "，未记录任何内容");
        } catch (AggregateStreamCreationException e) {
            return refused(model, response, HttpStatus.CONFLICT, "该部门该年度的预算已存在，未记录任何内容");
        } catch (RuntimeException e) {
            BudgetRuleException rule = ChangeForms.ruleOf(e).orElseThrow(() -> e);
            return refused(model, response, HttpStatus.CONFLICT, rule.getMessage());
        }
        readModels.awaitBudget(result.budgetId());
        model.addAttribute("result", result);
        model.addAttribute("report", reads.reconciliation(result.budgetId()).orElse(null));
        return "import";
    }

    private static String refused(Model model, HttpServletResponse response, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("error", message);
        return "import";
    }
}
