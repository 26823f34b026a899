package stepwise.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.diag.BadInput;
import stepwise.result.LayerRow;
import stepwise.result.Result;

/**
 * Pasted models: what print(model) prints for torchvision's ResNet-18 and VGG-16 and for a U-Net
 * (src/test/resources/pytorch, written from the models' definitions in PyTorch's print format),
 * read without PyTorch and derived with every step checked.
 */
class PytorchStackTest {

    static String pasted(String model) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/pytorch", model + ".txt"));
        return "stack Net from pytorch \"\"\"\n" + text + "\"\"\"\nderive receptive_field(Net)\n";
    }

    static Result.Derivation derive(String model) throws IOException {
        var d = Fixtures.firstDerivation(pasted(model));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()), model);
        return d;
    }

    static LayerRow row(Result.Derivation d, String name) {
        return d.layers().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    static List<String> values(LayerRow r) {
        return List.of(Infix.print(r.rf().get(0)), Infix.print(r.stride().get(0)), Infix.print(r.padding().get(0)));
    }

    @Test
    void resnet18EndsAtLayer4WithReceptiveField435() throws IOException {
        var d = derive("resnet18");
        LayerRow last = d.layers().get(d.layers().size() - 1);
        assertEquals("layer4.1", last.name());
        assertEquals(List.of("435", "32", "217"), values(last));
        assertEquals(2, last.rf().size());
        assertEquals(List.of("11", "4", "5"), values(row(d, "maxpool")));
        assertEquals(List.of("67", "8", "33"), values(row(d, "layer2.0")));
        assertEquals(List.of("43", "8", "21"), values(row(d, "layer2.0.downsample.0")));
        assertTrue(d.layers().stream().filter(r -> r.aligned() != null).allMatch(LayerRow::aligned));
        assertEquals(8, d.layers().stream().filter(r -> r.aligned() != null).count());
        assertEquals(List.of("'avgpool' (AdaptiveAvgPool2d, line 83) mixes every position, so the receptive field ends before it;"
                + " the layers from there on are not read"), d.notes());
    }

    @Test
    void torchvisionResnet50WithBottlenecksReaches427() throws IOException {
        var d = derive("resnet50");
        LayerRow last = d.layers().get(d.layers().size() - 1);
        assertEquals("layer4.2", last.name());
        assertEquals(List.of("427", "32", "213"), values(last));
        assertEquals(List.of("35", "4", "17"), values(row(d, "layer1.2")));
        assertEquals(16, d.layers().stream().filter(r -> r.aligned() != null).count());
        assertTrue(d.layers().stream().filter(r -> r.aligned() != null).allMatch(LayerRow::aligned));
    }

    @Test
    void vgg16EndsAtItsLastPoolWithTheTfSlimValues() throws IOException {
        var d = derive("vgg16");
        assertEquals(18, d.layers().size());
        assertEquals(List.of("212", "32", "90"), values(row(d, "features.30")));
        assertEquals(List.of("3", "1", "1"), values(row(d, "features.0")));
        assertEquals(List.of("100", "16", "42"), values(row(d, "features.23")));
    }

    @Test
    void uNetDerivesThroughItsDecoder() throws IOException {
        var d = derive("unet");
        assertEquals(List.of("140", "16", "62"), values(row(d, "down4.maxpool_conv.1.double_conv.3")));
        assertEquals(List.of("140", "8", "62"), values(row(d, "up1.up")), "J halves at each ConvTranspose2d");
        assertEquals(List.of("156", "8", "78"), values(row(d, "up1.conv.double_conv.0")));
        LayerRow varying = row(d, "up3.conv.double_conv.0");
        assertEquals(List.of("188", "204"), List.of(Infix.print(varying.rfMin().get(0)), Infix.print(varying.rf().get(0))));
        LayerRow last = d.layers().get(d.layers().size() - 1);
        assertEquals("outc.conv", last.name());
        assertEquals(List.of("204", "1", "94"), values(last));
        assertTrue(d.notes().get(0).startsWith("modules UNet, DoubleConv, Down, Up, OutConv are read in the order print(model) lists"), d.notes().get(0));
    }

    @Test
    void repeatedModulesPrintedOnceAreReadAsCopies() {
        var d = Fixtures.firstDerivation("""
                stack Net from pytorch \"""
                ModuleList(
                  (0): Conv1d(1, 8, kernel_size=(3,), stride=(1,))
                  (1-3): 3 x Conv1d(8, 8, kernel_size=(3,), stride=(2,), padding=(1,))
                  (4): Flatten(start_dim=1, end_dim=-1)
                )
                \"""
                derive receptive_field(Net)
                """);
        assertEquals(List.of("Net.0", "Net.1", "Net.2", "Net.3"), d.layers().stream().map(LayerRow::name).toList());
        assertEquals(List.of("17", "8", "7"), values(d.layers().get(3)));
        assertEquals(1, d.layers().get(0).rf().size());
    }

    @Test
    void anythingElseIsAnErrorAtItsLine() {
        var e = assertThrows(BadInput.class, () -> Fixtures.derive("""
                stack Net from pytorch \"""
                Sequential(
                  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))
                  (1): MultiheadAttention(
                    (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
                  )
                )
                \"""
                """));
        assertEquals(5, e.diagnostic().span().line());
        assertTrue(e.getMessage().startsWith("cannot place NonDynamicallyQuantizableLinear in a receptive field"), e.getMessage());
    }

    @Test
    void bilinearUpsamplingReadsTheTwoNearestPositionsWithANote() {
        var d = Fixtures.firstDerivation("stack N from pytorch \"\"\"\nSequential(\n  (0): Conv2d(1, 1, kernel_size=(3, 3), stride=(2, 2))\n"
                + "  (1): Upsample(scale_factor=2.0, mode='bilinear')\n)\n\"\"\"\nderive receptive_field(N)\n");
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
        // Output o sits at (o + 1/2)/2 - 1/2 below: between two positions, 2 inputs apart after the stride-2 convolution.
        assertEquals(List.of("5", "1", "2"), values(row(d, "N.1")));
        assertTrue(d.notes().get(0).startsWith("'N.1' (Upsample, mode='bilinear') is read with align_corners=False"), d.notes().get(0));
    }

    @Test
    void otherUpsamplingModesAreRefusedWithTheReason() {
        var e = assertThrows(BadInput.class, () -> Fixtures.derive(
                "stack N from pytorch \"\"\"\nSequential(\n  (0): Upsample(scale_factor=2.0, mode='bicubic')\n)\n\"\"\"\n"));
        assertEquals("Upsample with mode='bicubic' is not followed here; modes are 'nearest', 'linear' and 'bilinear'", e.getMessage());
        assertEquals(3, e.diagnostic().span().line());
        assertEquals(3, e.diagnostic().span().column());
    }

    @Test
    void oneAndTwoDimensionalLayersDoNotMix() {
        var e = assertThrows(BadInput.class, () -> Fixtures.derive(
                "stack N from pytorch \"\"\"\nSequential(\n  (0): Conv1d(1, 1, kernel_size=(3,), stride=(1,))\n"
                        + "  (1): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n)\n\"\"\"\n"));
        assertEquals("MaxPool2d is 2d, but the stack is 1d (from line 3)", e.getMessage());
    }

    @Test
    void anUnclosedContainerIsNamed() {
        var e = assertThrows(BadInput.class, () -> Fixtures.derive(
                "stack N from pytorch \"\"\"\nSequential(\n  (0): Conv1d(1, 1, kernel_size=(3,), stride=(1,))\n\"\"\"\n"));
        assertEquals("Sequential( is not closed: the printed model needs a ')' line for it", e.getMessage());
        assertEquals(2, e.diagnostic().span().line());
    }
}
