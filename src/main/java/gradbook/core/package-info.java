/**
 * The backprop core: one forward pass, one backward pass and one gradient step of a small
 * feed-forward network, traced quantity by quantity. It knows nothing of spreadsheets.
 *
 * <h2>Glossary</h2>
 *
 * The names are the defined names of the workbook and the names in the code. Layer k runs from
 * 0 to L−1; its bias is numbered k+1, as in the worked example (b_1 goes with W_0). Vectors are
 * n × 1 columns; with N samples every per-sample quantity (x, y, z, a, the errors, ∂E/∂a, ∂a/∂z,
 * δ) has one column per sample, n × N, while the parameters, their gradients and E do not. The
 * sheet that shows each quantity is named in brackets.
 *
 * <dl>
 *   <dt>x, y</dt><dd>the input (features × N) and the labels (outputs × N) of the N samples,
 *       read from the template's names {@code x} and {@code y}, one row per sample there
 *       [Network].</dd>
 *   <dt>activation, loss, batch_gradient</dt><dd>the template's optional choices: f_k, the
 *       activation of each layer ({@link gradbook.core.Activation}; the document's S by
 *       default), the loss ℓ of one sample ({@link gradbook.core.Loss}; half_sse by default)
 *       and whether E is the sum or the mean of ℓ over the samples
 *       ({@link gradbook.core.BatchGradient}; sum by default) [Network].</dd>
 *   <dt>W_k</dt><dd>the weights of layer k, input × output, so that layer k computes
 *       W_kᵀ a_(k−1); template name {@code W_k} [Network]. A template may store it output ×
 *       input (weight_layout out_by_in); the workbook layer transposes it on the way in and
 *       shows every quantity of its shape so again, and the core never sees that layout.</dd>
 *   <dt>b_(k+1)</dt><dd>the biases of layer k, output × 1, or 1 × 1: one bias shared by the
 *       layer's units ({@link gradbook.core.Network#sharedBias}); template name
 *       {@code b_(k+1)} [Network].</dd>
 *   <dt>eta</dt><dd>η, the learning rate, 1 × 1; template name {@code eta} [Weight Updates].</dd>
 *   <dt>z_k</dt><dd>W_kᵀ a_(k−1) + b_(k+1), the weighted input of layer k, with a_(−1) = x
 *       [the layer's sheet].</dd>
 *   <dt>a_k</dt><dd>f_k(z_k), the activation of layer k; the document's S is the logistic
 *       sigmoid [the layer's sheet].</dd>
 *   <dt>sq_err or ce_err, E</dt><dd>the error term of each output: (a_(L−1) − y)² for the
 *       squared losses, the cross-entropy term for cross_entropy; and the loss E, a constant
 *       times the sum of every term (½ for half_sse, 1/outputs for mse, times 1/N for a mean
 *       over samples). By default E = ½ Σ sq_err; the document's Err is Σ sq_err without the
 *       ½, but its derivatives are those of E [Error].</dd>
 *   <dt>dE_da_(L−1)</dt><dd>∂E/∂a_(L−1), by default a_(L−1) − y [Derivatives].</dd>
 *   <dt>da_k_dz_k</dt><dd>∂a_k/∂z_k = f_k'(z_k), entry by entry, e.g. S(z_k)(1 − S(z_k)) or
 *       1 − a_k²; absent for a softmax layer, whose Jacobian δ_k applies directly
 *       [Derivatives].</dd>
 *   <dt>dz_k_dW_k</dt><dd>∂z_k/∂W_k = a_(k−1) (x for k = 0), a column [Derivatives].</dd>
 *   <dt>dz_k_db_(k+1)</dt><dd>∂z_k/∂b_(k+1) = 1, a column of ones [Derivatives].</dd>
 *   <dt>dz_k_da_(k−1)</dt><dd>∂z_k/∂a_(k−1) = W_k, for k ≥ 1 [Derivatives].</dd>
 *   <dt>delta_k</dt><dd>δ_k = ∂E/∂z_k: ∂E/∂a_k ∘ ∂a_k/∂z_k on the last layer (under softmax
 *       a_k ∘ (∂E/∂a_k − a_kᵀ ∂E/∂a_k), sample by sample), and (W_(k+1) · δ_(k+1)) ∘ ∂a_k/∂z_k
 *       below it [Derivatives].</dd>
 *   <dt>dE_dW_k</dt><dd>∂E/∂W_k = a_(k−1) δ_kᵀ, the shape of W_k; the product sums over the
 *       samples [Derivatives].</dd>
 *   <dt>dE_db_(k+1)</dt><dd>∂E/∂b_(k+1) = δ_k ∘ 1, equal to δ_k in value but a quantity of its
 *       own, as in the document; Σₛ δ_k ∘ 1 over several samples; for a shared bias the sum
 *       over the units as well, 1 × 1 [Derivatives].</dd>
 *   <dt>fd_dE_dW_k, fd_dE_db_(k+1)</dt><dd>the gradient check: (E(p + h) − E(p − h)) / 2h for
 *       each entry p of W_k or b_(k+1), h = 1e-5, the parameter's shape; every entry up to 300
 *       parameters, a seeded sample above, NaN (blank) where not checked (see
 *       {@link gradbook.core.GradientCheck}) [Derivatives, Gradient Check].</dd>
 *   <dt>fd_diff_dE_dW_k, fd_diff_dE_db_(k+1)</dt><dd>fd_… minus the backprop value: near 1e-10
 *       when backprop is right [Derivatives].</dd>
 *   <dt>step_W_k, step_b_(k+1)</dt><dd>Δ = −η ∂E/∂(parameter), the change the step makes
 *       (an optimizer's own first change under another than sgd) [Weight Updates].</dd>
 *   <dt>W_k_new, b_(k+1)_new</dt><dd>the parameters after the step, the first of a run
 *       [Weight Updates].</dd>
 *   <dt>steps, optimizer; momentum, rho, beta_1, beta_2, epsilon</dt><dd>the template's
 *       optional training run ({@link gradbook.core.Training}): how many steps, which rule
 *       ({@link gradbook.core.Optimizer}; sgd by default) and its hyper-parameters β, ρ, β₁,
 *       β₂, ε, each 1 × 1; under another optimizer than sgd, step_W_k and step_b_(k+1) are its
 *       first change, and the hyper-parameters it uses are shown beside eta [Weight
 *       Updates].</dd>
 *   <dt>W_k_final, b_(k+1)_final</dt><dd>the parameters after the last step of a run of
 *       several, each the shape of its parameter [Training].</dd>
 *   <dt>E_before_step, E_after_step</dt><dd>E at the parameters each step of a run starts
 *       from and leaves, steps × 1 [Training].</dd>
 * </dl>
 *
 * <p>Under {@link gradbook.core.Convention#NOTEBOOK} the same names hold the document's code's
 * values: dE_da_1 = y − a_1, delta_0 = (W_1 · dE_da_1) ∘ da_1_dz_1 ∘ da_0_dz_0, and
 * dE_dW_k = delta_k a_(k−1)ᵀ, output × input; they are not the gradients of E. A person's own
 * value of any computed quantity is the template name hand_&lt;name&gt; [Audit].
 */
package gradbook.core;
